using System.Text.RegularExpressions;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Responsibility tags: inline （责任单位：X；配合单位：Y、Z） after a task, or the sector-first genre's
/// （牵头单位：X；配合单位：Y） or separate 牵头单位：/配合单位： lines under a heading naming a sector.</summary>
internal static partial class Tags
{
    public sealed record Tag(IReadOnlyList<string> Leads, IReadOnlyList<string> Assists, IReadOnlyList<TextRun> TagRuns);

    public static Tag? Find(OutlineNode node)
    {
        var runs = new List<TextRun>();
        if (node.Head is not null)
        {
            runs.Add(node.Head);
        }

        runs.AddRange(node.Paragraphs.Where(p => p.ChildrenBefore == 0));
        var leads = new List<string>();
        var assists = new List<string>();
        var tagRuns = new List<TextRun>();
        foreach (var run in runs)
        {
            var text = run.Text;
            foreach (Match m in Inline().Matches(text))
            {
                leads.AddRange(BodyNames.SplitList(m.Groups[2].Value));
                if (m.Groups[4].Success)
                {
                    assists.AddRange(BodyNames.SplitList(m.Groups[4].Value));
                }
            }

            var lead = LeadLine().Match(text);
            if (lead.Success)
            {
                leads.AddRange(BodyNames.SplitList(lead.Groups[2].Value));
                tagRuns.Add(run);
            }

            var assist = AssistLine().Match(text);
            if (assist.Success)
            {
                assists.AddRange(BodyNames.SplitList(assist.Groups[2].Value));
                tagRuns.Add(run);
            }

            if (Inline().IsMatch(text) && Inline().Replace(text, "").Trim().Length == 0)
            {
                tagRuns.Add(run);
            }
        }

        return leads.Count == 0 ? null : new Tag(leads.Distinct().ToList(), assists.Distinct().ToList(), tagRuns);
    }

    public static string WithoutTags(string text) => Inline().Replace(text, "").Trim();

    /// <summary>A task with its tag: a duty of the (first) responsible body; the tag's bodies lead and assist on
    /// whatever sectors the task names.</summary>
    public static void ReadTaggedItem(OutlineInterpreter interpreter, OutlineNode node, Tag tag, string locator)
    {
        var owner = interpreter.Owner(OwnerKind.Body, tag.Leads[0]);
        var runs = new List<TextRun> { node.Head! };
        runs.AddRange(node.Paragraphs.Where(p => p.ChildrenBefore == 0 && !tag.TagRuns.Contains(p)));
        var duty = OutlineInterpreter.Duty(owner, runs, locator, false, node.Line!.ContentStart) with
        {
            StatedRoles = Roles(tag, null),
        };
        interpreter.AddDuty(duty with { Text = WithoutTags(duty.Text) });
    }

    /// <summary>A heading naming a sector with its tag: the text under it is the lead's duty on that sector.</summary>
    public static void ReadSectorSection(OutlineInterpreter interpreter, OutlineNode node, Tag tag)
    {
        var owner = interpreter.Owner(OwnerKind.Body, tag.Leads[0]);
        var locator = OutlineInterpreter.Locator(node);
        var sectorText = WithoutTags(node.HeadText);
        var content = node.Paragraphs.Where(p => p.ChildrenBefore == 0 && !tag.TagRuns.Contains(p)).ToList();
        var items = node.Children.Where(c => !c.LooksLikeHeading).ToList();
        var roles = Roles(tag, null);
        if (content.Count == 0 && items.Count == 0)
        {
            var duty = OutlineInterpreter.Duty(owner, [node.Head!], locator, false, node.Line!.ContentStart);
            interpreter.AddDuty(duty with { Text = sectorText, StatedRoles = roles, SectorText = sectorText });
        }

        foreach (var paragraph in content)
        {
            interpreter.AddDuty(OutlineInterpreter.Duty(owner, [paragraph], locator, false, paragraph.Start) with { StatedRoles = roles, SectorText = sectorText });
        }

        foreach (var item in items)
        {
            interpreter.AddDuty(OutlineInterpreter.Duty(owner, [item.Head!, .. item.Paragraphs], OutlineInterpreter.Locator(item), false, item.Line!.ContentStart) with
            {
                StatedRoles = roles,
                SectorText = sectorText,
            });
        }

        interpreter.Attribute(node.AllLines());
    }

    private static List<StatedRole> Roles(Tag tag, string? scope) =>
        [.. tag.Leads.Select(b => new StatedRole(b, true, scope)), .. tag.Assists.Select(b => new StatedRole(b, false, scope))];

    [GeneratedRegex(@"[（(]\s*(牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门)[:：]([^；;）)]+)(?:[；;]\s*(配合单位|配合部门|协助单位|协办单位)[:：]([^）)]+))?[）)]")]
    private static partial Regex Inline();

    [GeneratedRegex(@"^(牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门)[:：](.+)$")]
    private static partial Regex LeadLine();

    [GeneratedRegex(@"^(配合单位|配合部门|协助单位|协办单位)[:：](.+)$")]
    private static partial Regex AssistLine();
}
