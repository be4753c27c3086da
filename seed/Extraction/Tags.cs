using System.Text.RegularExpressions;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Responsibility tags: inline （责任单位：X；配合单位：Y、Z） after a task, or the sector-first genre's
/// （牵头单位：X；配合单位：Y） or separate 牵头单位：/配合单位： lines under a heading naming a sector.</summary>
internal static partial class Tags
{
    /// <param name="FieldRuns">Runs that are a 牵头单位：/配合单位： line: not part of any duty's text.</param>
    /// <param name="TagRuns">Field runs and runs that are nothing but an inline tag.</param>
    public sealed record Tag(IReadOnlyList<string> Leads, IReadOnlyList<string> Assists, IReadOnlyList<TextRun> FieldRuns, IReadOnlyList<TextRun> TagRuns)
    {
        /// <summary>The lead fields as written (责任单位：县公安局), the basis of the leads.</summary>
        public string LeadQuote { get; init; } = "";

        /// <summary>The assist fields as written (配合单位：县教育局).</summary>
        public string AssistQuote { get; init; } = "";
    }

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
        var leadFields = new List<string>();
        var assistFields = new List<string>();

        // An inline tag can be cut by a line break ("（责任单位：县公安局；" / "配合单位：县教育局）"): look for tags in
        // the runs joined, and remember where each run starts in the joined text.
        var joined = new System.Text.StringBuilder();
        var runStarts = new List<int>();
        foreach (var run in runs)
        {
            runStarts.Add(joined.Length);
            joined.Append(run.Text).Append('\n');
        }

        var tagSpans = new List<(int Start, int End)>();
        foreach (Match m in Inline().Matches(joined.ToString()))
        {
            leads.AddRange(BodyNames.SplitList(m.Groups[2].Value));
            leadFields.Add(Field(m.Groups[1].Value, m.Groups[2].Value));
            if (m.Groups[4].Success)
            {
                assists.AddRange(BodyNames.SplitList(m.Groups[4].Value));
                assistFields.Add(Field(m.Groups[3].Value, m.Groups[4].Value));
            }

            tagSpans.Add((m.Index, m.Index + m.Length));
        }

        var fieldRuns = new List<TextRun>();
        var tagRuns = new List<TextRun>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var text = run.Text;
            if (IsInside(tagSpans, runStarts[i], runStarts[i] + text.Length, text))
            {
                tagRuns.Add(run);
                continue;
            }

            if (tagSpans.Exists(s => s.Start < runStarts[i] && runStarts[i] < s.End))
            {
                // The rest of a tag that began on the line before, followed by more text: already read.
                continue;
            }

            var lead = LeadLine().Match(text);
            if (lead.Success)
            {
                leads.AddRange(BodyNames.SplitList(lead.Groups[2].Value));
                leadFields.Add(Field(lead.Groups[1].Value, lead.Groups[2].Value));
                fieldRuns.Add(run);
            }

            var assist = AssistLine().Match(text);
            if (assist.Success)
            {
                assists.AddRange(BodyNames.SplitList(assist.Groups[2].Value));
                assistFields.Add(Field(assist.Groups[1].Value, assist.Groups[2].Value));
                fieldRuns.Add(run);
            }
        }

        tagRuns.AddRange(fieldRuns);
        return leads.Count == 0 ? null : new Tag(leads.Distinct().ToList(), assists.Distinct().ToList(), fieldRuns, tagRuns)
        {
            LeadQuote = string.Join("；", leadFields),
            AssistQuote = string.Join("；", assistFields),
        };
    }

    private static string Field(string label, string names) => $"{label}：{names.Replace("\n", "", StringComparison.Ordinal).Trim()}";

    // True when every non-space character of the run lies inside a tag.
    private static bool IsInside(List<(int Start, int End)> spans, int start, int end, string text)
    {
        for (var k = start; k < end; k++)
        {
            if (!char.IsWhiteSpace(text[k - start]) && !spans.Exists(s => s.Start <= k && k < s.End))
            {
                return false;
            }
        }

        return spans.Count > 0;
    }

    public static string WithoutTags(string text) => Inline().Replace(text, "").Trim();

    /// <summary>A task with its tag: a duty of the (first) responsible body; the tag's bodies lead and assist on
    /// whatever sectors the task names.</summary>
    public static void ReadTaggedItem(OutlineInterpreter interpreter, OutlineNode node, Tag tag, string locator)
    {
        var owner = interpreter.Owner(OwnerKind.Body, tag.Leads[0]);
        // The task's text with its inline tag taken out; a tag cut over two lines is taken out whole.
        var runs = new List<TextRun> { node.Head! };
        runs.AddRange(node.Paragraphs.Where(p => p.ChildrenBefore == 0 && !tag.FieldRuns.Contains(p)));
        var duty = OutlineInterpreter.Duty(owner, runs, locator, false, node.Line!.ContentStart) with
        {
            StatedRoles = Roles(tag, RoleBasisKind.Tag),
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
        var roles = Roles(tag, RoleBasisKind.Heading);
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

    // A tag after a task states roles as a tag; lines or a tag under a heading that names a sector, as a heading.
    private static List<StatedRole> Roles(Tag tag, RoleBasisKind basis) =>
    [
        .. tag.Leads.Select(b => new StatedRole(b, true, null, basis, tag.LeadQuote)),
        .. tag.Assists.Select(b => new StatedRole(b, false, null, basis, tag.AssistQuote)),
    ];

    // A list of bodies may hold brackets of its own: （配合单位：市应急管理局、各镇（街道））.
    [GeneratedRegex(@"[（(]\s*(牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门)[:：]((?:[^；;（()）]|[（(][^（()）]*[）)])+)(?:[；;]\s*(配合单位|配合部门|协助单位|协办单位)[:：]((?:[^（()）]|[（(][^（()）]*[）)])+))?[）)]")]
    private static partial Regex Inline();

    [GeneratedRegex(@"^(牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门)[:：](.+)$")]
    private static partial Regex LeadLine();

    [GeneratedRegex(@"^(配合单位|配合部门|协助单位|协办单位)[:：](.+)$")]
    private static partial Regex AssistLine();
}
