using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Decides what each part of the outline is — a body's or leader's heading, a container of headings, a duty,
/// a provision that is nobody's duty — and collects owners and duties. The same label style can mean bodies in one
/// section and duties in another: a heading names an owner when its children are items, and is a container when its
/// children are headings.</summary>
internal sealed class OutlineInterpreter
{
    public const string CommonGroupName = "各部门";

    private readonly List<DraftDuty> _duties = [];
    private readonly Dictionary<string, DraftOwner> _owners = new(StringComparer.Ordinal);
    private readonly HashSet<int> _attributed = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<DraftDuty> Duties => _duties;

    public IReadOnlyCollection<DraftOwner> Owners => _owners.Values;

    public IReadOnlySet<int> AttributedLines => _attributed;

    public IReadOnlyList<string> Warnings => _warnings;

    public DraftOwner Owner(OwnerKind kind, string name, int start = 0, int length = 0, string? locator = null)
    {
        if (!_owners.TryGetValue(name, out var owner))
        {
            owner = new DraftOwner(kind, name) { Start = start, Length = length, Locator = locator };
            _owners.Add(name, owner);
        }

        return owner;
    }

    public void AddDuty(DraftDuty duty)
    {
        _duties.Add(duty);
        foreach (var line in duty.Lines)
        {
            _attributed.Add(line.Number);
        }
    }

    public void Attribute(IEnumerable<SourceLine> lines)
    {
        foreach (var line in lines)
        {
            _attributed.Add(line.Number);
        }
    }

    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>Forgets an owner that turned out to be no owner (a heading naming the sector of the table below it,
    /// "校外培训机构"), unless something was already attributed to it.</summary>
    public void DropIfIdle(string name)
    {
        if (_owners.TryGetValue(name, out var owner) && owner.MemberNames.Count == 0 && !_duties.Exists(d => d.Owner == owner))
        {
            _owners.Remove(name);
        }
    }

    public void Interpret(OutlineNode root) => Walk(root, null, false);

    private void Walk(OutlineNode node, DraftOwner? owner, bool common)
    {
        CheckNumbering(node, owner is not null);
        foreach (var child in node.Children)
        {
            // An ancestor's pass already attributed the whole subtree when it attributed this head line.
            if (child.Label is not null && !_attributed.Contains(child.Line!.Number))
            {
                Attribute(child.AllLines());
            }

            if (child.LooksLikeHeading || child.IsSubheading)
            {
                Heading(child, owner, common);
            }
            else
            {
                Item(child, node, owner, common);
            }
        }
    }

    private void Heading(OutlineNode node, DraftOwner? inherited, bool inheritedCommon)
    {
        if (node.IsSubheading)
        {
            Attribute(node.Head!.Lines);
            Walk(node, inherited, inheritedCommon);
            return;
        }

        if (Tags.Find(node) is { } tag)
        {
            Tags.ReadSectorSection(this, node, tag);
            return;
        }

        if (NamedOwners(node))
        {
            return;
        }

        var (name, aliases, host) = BodyNames.FromHeading(node.HeadText);
        var text = node.HeadText + string.Concat(node.Paragraphs.Select(p => p.Text));
        if (text.Contains("共同", StringComparison.Ordinal) && node.HeadText.Contains("职责", StringComparison.Ordinal))
        {
            var group = Owner(OwnerKind.Group, CommonGroupName, node.Head!.Start, node.Head.Text.Length, Locator(node));
            OwnParagraphs(node, group, true);
            Walk(node, group, true);
            return;
        }

        if (node.Children.Any(c => c.LooksLikeHeading))
        {
            // A container: its headings name the owners.
            Walk(node, null, false);
            return;
        }

        DraftOwner? owner = null;
        if (BodyNames.IsLeader(name))
        {
            owner = Owner(OwnerKind.Leader, name, node.Head!.Start, node.Head.Text.Length, Locator(node));
        }
        else if (BodyNames.HasBodySuffix(name))
        {
            owner = Owner(OwnerKind.Body, name, node.Head!.Start, node.Head.Text.Length, Locator(node));
            owner.Aliases.AddRange(aliases.Where(a => !owner.Aliases.Contains(a)));
            owner.HostName ??= host;
        }

        if (owner is null)
        {
            // A section that names no owner (原则, 工作制度, 有关要求): its items are nobody's duties unless inherited.
            Walk(node, inherited, inheritedCommon);
            return;
        }

        OwnParagraphs(node, owner, false);
        Walk(node, owner, false);
    }

    private void OwnParagraphs(OutlineNode node, DraftOwner owner, bool common)
    {
        var paragraphs = node.Paragraphs.Where(p => p.ChildrenBefore == 0 && !OutlineBuilder.EndsWithColon(p.Text)).ToList();
        var firstItem = node.Children.FirstOrDefault(c => c.Label is not null && !c.LooksLikeHeading);
        var locator = Locator(node);
        if (firstItem is not null && firstItem.Label!.Value - 1 == paragraphs.Count)
        {
            // The items present count: an unnumbered first paragraph before （二） is the missing （一）.
            for (var k = 0; k < paragraphs.Count; k++)
            {
                var label = Label.Format(firstItem.Label.Scheme, k + 1);
                AddDuty(Duty(owner, [paragraphs[k]], Join(locator, label), common, paragraphs[k].Start));
                Warn($"{owner.Name} 第 {paragraphs[k].Segments[0].Line.Number} 行：缺少编号 {label}，按位置补上 (missing label inferred)");
            }

            return;
        }

        foreach (var paragraph in paragraphs)
        {
            AddItems(Duty(owner, [paragraph], locator, common, paragraph.Start));
        }
    }

    /// <summary>"镇党委书记：…", "（一）派出所：①…；②…": a section whose lines each name their owner before a colon is no
    /// owner itself; each line is its owner's, leader or body, with its duties after the colon.</summary>
    private bool NamedOwners(OutlineNode node)
    {
        var units = node.Paragraphs.Where(p => p.ChildrenBefore == 0 && !OutlineBuilder.EndsWithColon(p.Text))
            .Select(p => (Run: p, Locator: Locator(node)))
            .Concat(node.Children.Where(c => !c.LooksLikeHeading && !c.IsSubheading).Select(c => (Run: c.Head!, Locator: Locator(c))))
            .ToList();
        var named = units.Select(u => (u.Run, u.Locator, Name: BodyNames.NameLine(u.Run.Text))).ToList();
        if (named.Count == 0 || named.Exists(n => n.Name is null) || node.Children.Exists(c => c.Children.Count > 0 || c.Paragraphs.Count > 0))
        {
            return false;
        }

        foreach (var (run, locator, name) in named)
        {
            var kind = BodyNames.IsLeader(name!) ? OwnerKind.Leader : OwnerKind.Body;
            var owner = Owner(kind, name!, run.Start, name!.Length, locator);
            var rest = run.Text[(name.Length + 1)..];
            var skipped = rest.Length - rest.TrimStart().Length;
            var start = run.Start + name.Length + 1 + skipped;
            AddItems(new DraftDuty(owner, BodyNames.Clean(rest), locator, start, run.End, false, run.Lines.ToList()));
        }

        Attribute(node.AllLines());
        return true;
    }

    /// <summary>Adds a duty, or the items it enumerates inline (①…；②… or 一是…；二是…) each as a duty of its own
    /// with its label taken off. Words before the first item that introduce them (…：) are no duty; a sentence
    /// there is one.</summary>
    private void AddItems(DraftDuty duty)
    {
        if (InlineItems.Split(duty.Text) is not { } split)
        {
            AddDuty(duty);
            return;
        }

        // Offsets into the document hold when the duty's text is its span's (one line, unchanged).
        var exact = duty.End - duty.Start == duty.Text.Length;
        var leadIn = split.LeadIn.TrimEnd();
        if (leadIn.Length > 0 && !OutlineBuilder.EndsWithColon(leadIn) && leadIn[^1] is not ('，' or ','))
        {
            AddDuty(duty with { Text = leadIn, End = exact ? duty.Start + leadIn.Length : duty.End });
        }

        foreach (var item in split.Items.Where(i => i.Text.Length > 0))
        {
            var start = exact ? duty.Start + item.Offset : duty.Start;
            AddDuty(duty with
            {
                Text = item.Text,
                Locator = duty.Locator + item.Label,
                Start = start,
                End = exact ? start + item.Text.Length : duty.End,
            });
        }
    }

    private void Item(OutlineNode node, OutlineNode parent, DraftOwner? owner, bool common)
    {
        if (owner is null)
        {
            if (Tags.Find(node) is { } tag)
            {
                if (tag.FieldRuns.Count > 0 && OutlineBuilder.IsShortName(node.HeadText))
                {
                    // "二、宠物医院" with 牵头单位：/配合单位： lines under it names a sector, whatever its neighbours.
                    Tags.ReadSectorSection(this, node, tag);
                    return;
                }

                Tags.ReadTaggedItem(this, node, tag, Locator(node));
                Walk(node, null, false);
                return;
            }

            owner = SameLineOwner(node, parent);
            if (owner is null)
            {
                Walk(node, null, false);
                return;
            }
        }

        var isIntro = node.Children.Count > 0 && OutlineBuilder.EndsWithColon(node.Paragraphs.Count > 0 ? node.Paragraphs[^1].Text : node.HeadText);
        if (!isIntro)
        {
            SplitItem(node, parent, owner, common);
        }

        Walk(node, owner, common);
    }

    // "（四）镇其他党政领导班子成员按照职责分工…" among leader headings: a leader's heading and single duty on one line.
    private DraftOwner? SameLineOwner(OutlineNode node, OutlineNode parent)
    {
        var siblings = parent.Children.Where(c => c.LooksLikeHeading && !c.IsSubheading).Select(c => BodyNames.FromHeading(c.HeadText).Name).ToList();
        if (siblings.Count == 0)
        {
            return null;
        }

        if (siblings.Any(BodyNames.IsLeader) && BodyNames.LeaderSubject(node.HeadText) is { } leader)
        {
            return Owner(OwnerKind.Leader, leader, node.Head!.Start, leader.Length, Locator(node));
        }

        if (siblings.Any(s => !BodyNames.IsLeader(s) && BodyNames.HasBodySuffix(s)) && BodyNames.BodySubject(node.HeadText) is { } body)
        {
            return Owner(OwnerKind.Body, body, node.Head!.Start, body.Length, Locator(node));
        }

        return null;
    }

    private void SplitItem(OutlineNode node, OutlineNode parent, DraftOwner owner, bool common)
    {
        var locator = Locator(node);
        var extra = node.Paragraphs.Where(p => p.ChildrenBefore == 0).ToList();
        var start = node.Line!.ContentStart;
        if (extra.Count == 0)
        {
            AddItems(Duty(owner, [node.Head!], locator, common, start));
            return;
        }

        var index = parent.Children.IndexOf(node);
        var next = parent.Children.Skip(index + 1).FirstOrDefault(c => c.Label?.Scheme == node.Label!.Scheme);
        var gap = next is null ? -1 : next.Label!.Value - node.Label!.Value - 1;
        var separate = gap == extra.Count || (next is null && node.HeadText.TrimEnd().EndsWith('；'));
        if (!separate)
        {
            AddDuty(Duty(owner, [node.Head!, .. extra], locator, common, start));
            return;
        }

        AddDuty(Duty(owner, [node.Head!], locator, common, start));
        var prefix = Locator(node.Parent!);
        for (var k = 0; k < extra.Count; k++)
        {
            var label = Label.Format(node.Label!.Scheme, node.Label.Value + k + 1);
            AddDuty(Duty(owner, [extra[k]], Join(prefix, label), common, extra[k].Start));
            Warn($"{owner.Name} 第 {extra[k].Segments[0].Line.Number} 行：缺少编号 {label}，按位置补上 (missing label inferred)");
        }
    }

    private void CheckNumbering(OutlineNode node, bool hasOwner)
    {
        if (!hasOwner)
        {
            return;
        }

        foreach (var scheme in node.Children.Where(c => c.Label is not null && !c.LooksLikeHeading).Select(c => c.Label!.Scheme).Distinct())
        {
            var values = node.Children.Where(c => c.Label?.Scheme == scheme && !c.LooksLikeHeading).Select(c => c.Label!.Value).ToList();
            var where = Locator(node);
            foreach (var repeated in values.GroupBy(v => v).Where(g => g.Count() > 1))
            {
                Warn($"{where}：编号 {Label.Format(scheme, repeated.Key)} 重复出现 {repeated.Count()} 次 (repeated label)");
            }

            for (var v = 1; v < values.Max(); v++)
            {
                if (!values.Contains(v))
                {
                    Warn($"{where}：缺少编号 {Label.Format(scheme, v)} (missing label)");
                }
            }
        }
    }

    public static DraftDuty Duty(DraftOwner owner, IReadOnlyList<TextRun> runs, string locator, bool common, int start)
    {
        var text = BodyNames.Clean(string.Join('\n', runs.Select(r => r.Text.Trim())));
        return new DraftDuty(owner, text, locator, start, runs[^1].End, common, runs.SelectMany(r => r.Lines).ToList());
    }

    /// <summary>The locator a reader cites: the labels from the article down (第七条（十二）4), or from the top
    /// section when there are no articles (二（八）3).</summary>
    public static string Locator(OutlineNode node)
    {
        var chain = new List<Label>();
        for (var n = node; n is not null; n = n.Parent)
        {
            if (n.Label is not null)
            {
                chain.Add(n.Label);
            }
        }

        chain.Reverse();
        var article = chain.FindIndex(l => l.Scheme == NumberingScheme.Article);
        if (article > 0)
        {
            chain.RemoveRange(0, article);
        }

        return string.Concat(chain.Select(l => l.Format()));
    }

    private static string Join(string prefix, string label) => prefix + label;
}
