using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Structure;

/// <summary>A piece of a line's content with its offset in the document text.</summary>
public sealed record Segment(SourceLine Line, int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>Text made of one or more segments: a line and the lines a page break cut it into.</summary>
public sealed class TextRun
{
    public TextRun(Segment first, int childrenBefore)
    {
        Segments.Add(first);
        ChildrenBefore = childrenBefore;
    }

    public List<Segment> Segments { get; } = [];

    /// <summary>How many child nodes of the owning node precede this paragraph.</summary>
    public int ChildrenBefore { get; }

    private string? _text;
    private int _textSegments;

    // Page breaks split Chinese text mid-word: the pieces join without a space. Read for every following line while
    // the outline is built, so kept until a segment is added.
    public string Text
    {
        get
        {
            if (_text is null || _textSegments != Segments.Count)
            {
                _text = Segments.Count == 1 ? Segments[0].Text : string.Concat(Segments.Select(s => s.Text));
                _textSegments = Segments.Count;
            }

            return _text;
        }
    }

    public int Start => Segments[0].Start;

    public int End => Segments[^1].End;

    public IEnumerable<SourceLine> Lines => Segments.Select(s => s.Line);
}

/// <summary>A numbered (or, for sub-headings such as 具体职责, unnumbered) line with the paragraphs and numbered
/// lines under it.</summary>
public sealed class OutlineNode
{
    public OutlineNode(Label? label, TextRun? head, OutlineNode? parent, bool isSubheading)
    {
        Label = label;
        Head = head;
        Parent = parent;
        IsSubheading = isSubheading;
    }

    public Label? Label { get; set; }

    /// <summary>True when the label was not written but inferred from its neighbours (a missing （一）).</summary>
    public bool LabelInferred { get; init; }

    /// <summary>The text after the label on the node's line (and its page-break continuations); null for the root.</summary>
    public TextRun? Head { get; }

    public OutlineNode? Parent { get; }

    public bool IsSubheading { get; }

    public List<TextRun> Paragraphs { get; } = [];

    public List<OutlineNode> Children { get; } = [];

    /// <summary>Short and unpunctuated, or naming whose duties follow (…安全生产职责): a heading, not an item.</summary>
    public bool LooksLikeHeading { get; set; }

    public string HeadText => Head?.Text ?? "";

    public SourceLine? Line => Head?.Segments[0].Line;

    public IEnumerable<SourceLine> AllLines()
    {
        if (Head is not null)
        {
            foreach (var line in Head.Lines)
            {
                yield return line;
            }
        }

        foreach (var line in Paragraphs.SelectMany(p => p.Lines))
        {
            yield return line;
        }

        foreach (var line in Children.SelectMany(c => c.AllLines()))
        {
            yield return line;
        }
    }
}

/// <summary>Builds the outline of a document from its lines: numbering labels nest by scheme, unnumbered lines join the
/// item a page break cut them from or become paragraphs of the current node.</summary>
public static partial class OutlineBuilder
{
    // A short name is a heading's name, a body or a sector (县应急管理局, 危险化学品安全): names stay short, while an item
    // of duty is a sentence and runs longer; past this length an unpunctuated line is taken as text, not as a name.
    private const int HeadingMaxLength = 20;

    // An unnumbered line right above a numbered list or a table is a subheading (城镇燃气, 道路交通) only when it is this
    // short: such labels are a sector's or a body's name, shorter still than a heading that may carry "…的职责".
    private const int SubheadingMaxLength = 15;

    // "…安全生产职责" without a colon is a heading only when short and without a comma, a title such as
    // "县应急管理局安全生产职责"; a longer line ending in 职责 is an item that happens to end with the word.
    private const int UncolonedDutyHeadingMaxLength = 30;

    // Lists restart at 1: "一、" after an article has opened is the first item of the article's own list.
    private const int FirstNumber = 1;

    public static OutlineNode Build(IReadOnlyList<SourceLine> lines, bool[] inTable)
    {
        var root = new OutlineNode(null, null, null, false);
        var stack = new List<OutlineNode>();
        var closing = ClosingLines(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (inTable[i] || line.IsBlank || line.Content.Length == 0 || closing[i])
            {
                continue;
            }

            var label = Label.Parse(line.Content);
            if (label is not null)
            {
                AddLabelled(root, stack, line, label);
                continue;
            }

            var top = stack.Count > 0 ? stack[^1] : root;
            var last = top.Paragraphs.Count > 0 ? top.Paragraphs[^1] : top.Head;
            var segment = new Segment(line, line.ContentStart, line.Content);
            if (last is not null && !EndsSentence(last.Text) && !(ReferenceEquals(last, top.Head) && top.LooksLikeHeading) && !FieldLine().IsMatch(line.Content)
                && !IsClosedResponsibilityField(last.Text))
            {
                last.Segments.Add(segment);
            }
            else if (IsSubheading(lines, i, inTable, last))
            {
                while (stack.Count > 0 && stack[^1].Label?.Scheme is not (NumberingScheme.Chapter or NumberingScheme.ChineseComma))
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                var parent = stack.Count > 0 ? stack[^1] : root;
                var node = new OutlineNode(null, new TextRun(segment, 0), parent, true) { LooksLikeHeading = true };
                parent.Children.Add(node);
                stack.Add(node);
            }
            else
            {
                top.Paragraphs.Add(new TextRun(segment, top.Children.Count));
            }
        }

        return root;
    }

    /// <summary>Lines that close the document rather than continue its last item: a closing provision on a line of its
    /// own (本规定自印发之日起施行, 本清单由…负责解释), and the signature block at the end — issuers' names, the date,
    /// 抄送 and 印发 lines. They belong to no duty.</summary>
    public static bool[] ClosingLines(IReadOnlyList<SourceLine> lines)
    {
        var closing = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            closing[i] = ClosingProvision().IsMatch(lines[i].Content);
        }

        // The signature block: from the end back over blank lines, dates, names of issuers and closing provisions.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var content = lines[i].Content;
            if (content.Length == 0 || closing[i])
            {
                continue;
            }

            if (!(DateLine().IsMatch(content) || SignatureLine().IsMatch(content) || Distribution().IsMatch(content)))
            {
                break;
            }

            closing[i] = true;
        }

        return closing;
    }

    [GeneratedRegex(@"^(本|此)(规定|清单|办法|意见|职责|细则|方案|制度|通知|决定|文件|责任清单|实施意见|暂行规定)[^。]{0,40}(施行|执行|负责解释|废止)[^。]{0,30}。?$")]
    private static partial Regex ClosingProvision();

    [GeneratedRegex(@"^([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?(印发|发布)?$")]
    private static partial Regex DateLine();

    // An issuer's name, or several on one line: 中共西岭县委办公室, 桃源镇人民政府, 县安全生产委员会办公室.
    [GeneratedRegex(@"^((中共)?[\u4e00-\u9fff（）()]{2,24}(委员会|人民政府|政府|办公室|办公厅|党委|党工委|管委会|委|局|厅)[\s\u3000]*)+$")]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"^(抄送|抄报|印发)[：:]|^[\u4e00-\u9fff]{2,24}[\s\u3000]*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日印发$|^（此件[^）]*）$")]
    private static partial Regex Distribution();

    private static void AddLabelled(OutlineNode root, List<OutlineNode> stack, SourceLine line, Label label)
    {
        var same = stack.FindLastIndex(n => n.Label?.Scheme == label.Scheme && !n.IsSubheading);
        var article = stack.FindLastIndex(n => n.Label?.Scheme == NumberingScheme.Article);
        if (label.Scheme != NumberingScheme.Article && same >= 0 && same < article && label.Value == FirstNumber && stack[same].Label!.Value != 0)
        {
            // "一、" inside 第四条 starts a list of the article's own (its departments), though the chapters outside it
            // are numbered 一、 too: it nests in the article, and the next 第N条 closes the article and the list.
            same = -1;
        }

        if (same >= 0)
        {
            stack.RemoveRange(same, stack.Count - same);
        }
        else
        {
            // A new numbering scheme nests under the node above it, unless that node is an item that cannot contain
            // others (a sentence), or an item of a scheme that normally nests deeper.
            while (stack.Count > 0 && (!CanContain(stack[^1]) || (Rank(stack[^1]) >= Rank(label.Scheme) && !stack[^1].LooksLikeHeading)))
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        var parent = stack.Count > 0 ? stack[^1] : root;
        var text = line.Content[Math.Min(label.Length, line.Content.Length)..];
        var head = new TextRun(new Segment(line, line.ContentStart + label.Length, text), parent.Children.Count);
        var previous = parent.Children.Count > 0 ? parent.Children[^1] : null;
        var node = new OutlineNode(label, head, parent, false);
        // "燃气（牵头单位：X；配合单位：Y）": a sector heading carrying its responsibility tag is still a short name.
        var name = TrailingFieldNote().Replace(text, "");
        node.LooksLikeHeading = IsHeadingText(text) || (IsShortName(name) && (previous is null || previous.LooksLikeHeading || name.Length < text.Length));
        parent.Children.Add(node);
        stack.Add(node);
    }

    private static bool CanContain(OutlineNode node) =>
        node.IsSubheading || node.LooksLikeHeading
        || node.Label?.Scheme is NumberingScheme.Chapter or NumberingScheme.ChineseComma
        || EndsWithColon(node.Paragraphs.Count > 0 ? node.Paragraphs[^1].Text : node.HeadText);

    private static int Rank(OutlineNode node) => node.IsSubheading ? 1 : Rank(node.Label!.Scheme);

    // How deep a scheme nests in the documents read, outermost first (第一章 > 一、 > 第一条 > （一） > 1. > （1））; only the
    // order matters. A subheading ranks with 一、, the level it stands in for.
    private static int Rank(NumberingScheme scheme) => scheme switch
    {
        NumberingScheme.Chapter => 0,
        NumberingScheme.ChineseComma => 1,
        NumberingScheme.Article => 2,
        NumberingScheme.ChineseParen => 3,
        NumberingScheme.Arabic => 4,
        _ => 5,
    };

    private static bool IsSubheading(IReadOnlyList<SourceLine> lines, int index, bool[] inTable, TextRun? previous)
    {
        var content = lines[index].Content;
        _ = previous;
        if (content.Length > SubheadingMaxLength || NamePunctuation().IsMatch(content))
        {
            return false;
        }

        for (var j = index + 1; j < lines.Count; j++)
        {
            if (inTable[j])
            {
                return true;
            }

            if (!lines[j].IsBlank)
            {
                return Label.Parse(lines[j].Content) is not null;
            }
        }

        return false;
    }

    /// <summary>Ends a sentence or a clause: a page break after it is not mid-sentence.</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        while (t.Length > 0 && t[^1] is '”' or '’' or '"' or '）' or ')' or '」' or '』')
        {
            if (t.Length >= 2 && t[^2] is '。' or '；' or '！' or '？' or '：')
            {
                return true;
            }

            t = t[..^1];
        }

        return t.Length > 0 && t[^1] is '。' or '；' or ';' or '！' or '？' or '：' or ':' or '!' or '?';
    }

    public static bool EndsWithColon(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '：' or ':';
    }

    /// <summary>"…安全生产职责", "…履行下列安全生产工作职责：", "…职责包括：" — a heading naming whose duties follow.</summary>
    public static bool IsHeadingText(string text)
    {
        var t = text.TrimEnd();
        if (!DutyHeading().IsMatch(t) || VerbFirst().IsMatch(t) || OtherDuties().IsMatch(t))
        {
            return false;
        }

        var body = t.TrimEnd('。', '：', ':');
        return !body.Contains('。', StringComparison.Ordinal) && !body.Contains('；', StringComparison.Ordinal)
            && (EndsWithColon(t) || (body.Length <= UncolonedDutyHeadingMaxLength && !body.Contains('，', StringComparison.Ordinal)));
    }

    // An item saying what to do ("承担…其他安全生产职责。") starts with a verb; a heading starts with whose duties they are.
    // "…规定的其他职责。" closes a list of items; it names nobody.
    [GeneratedRegex(@"其他(安全生产)?(工作)?(监管)?职责[。；]?$")]
    private static partial Regex OtherDuties();

    [GeneratedRegex(@"^(承担|履行|负责|完成|落实|依法|按照|做好|配合|协助|参与|组织|督促|指导|加强|建立|健全|明确|严格)")]
    private static partial Regex VerbFirst();

    public static bool IsShortName(string text) =>
        text.Length <= HeadingMaxLength && !NamePunctuation().IsMatch(text) && !EndsSentence(text);

    [GeneratedRegex(@"(职责|职责包括|职责主要包括|职责如下|职责为)[：:。]?$")]
    private static partial Regex DutyHeading();

    // "牵头单位：…", "配合单位：…": a field line starts its own paragraph even after an unpunctuated one.
    [GeneratedRegex(@"^[（(]?[\u4e00-\u9fff]{2,6}[：:]")]
    private static partial Regex FieldLine();

    /// <summary>"牵头单位：县交通运输局" is a whole line; only a list visibly cut ("…、") continues on the next.</summary>
    private static bool IsClosedResponsibilityField(string text)
    {
        var t = text.TrimEnd();
        return ResponsibilityField().IsMatch(t) && t.Length > 0 && t[^1] is not ('、' or '，' or ',');
    }

    [GeneratedRegex(@"^(牵头|主责|责任|配合|协助|协办|参与)(单位|部门)[：:]")]
    private static partial Regex ResponsibilityField();

    [GeneratedRegex(@"[（(][\u4e00-\u9fff]{2,6}[：:](?:[^（()）]|[（(][^（()）]*[）)])*[）)]$")]
    private static partial Regex TrailingFieldNote();

    [GeneratedRegex(@"[，。；：,;:]")]
    private static partial Regex NamePunctuation();
}
