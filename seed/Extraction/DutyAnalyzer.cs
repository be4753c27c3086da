using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Extraction;

/// <summary>How a duty's verb engages the body with what follows: Lead = 负责/牵头/主责/承担…监督管理,
/// Assist = 配合/协助/会同/参与/协调/支持, Covers = mentioned without a lead or assist verb governing it.</summary>
public enum DutyRole
{
    Lead,
    Assist,
    Covers,
}

/// <summary>A sector named in a duty and the role the duty's owner takes for it.</summary>
/// <param name="Clause">The clause that names the sector, as written (负责城镇燃气行业安全监督管理): the words that make
/// the role, quoted as its basis.</param>
public sealed record SectorRole(SectorMatch Match, DutyRole Role, string Clause = "");

/// <summary>Another body a duty names (配合市安全监管局, 会同国土、建设部门), with the role of the verb governing it.
/// Offsets are relative to the duty text.</summary>
public sealed record BodyMention(string Text, int Start, int Length, DutyRole Role);

/// <summary>What one duty text is about: its sectors with roles, the laws it cites, and the bodies it names.</summary>
public sealed record DutyAnalysis(IReadOnlyList<SectorRole> Sectors, IReadOnlyList<LawCitation> Laws, IReadOnlyList<BodyMention> Mentions);

/// <summary>Reads one duty text: which sectors it covers and in which role, which laws it cites, which bodies it
/// names. The role of a sector is decided by the nearest lead or assist verb before it in its clause
/// (clauses end at 。；： and at ， outside brackets), so "负责…，配合有关部门做好危险化学品…" assists on 危险化学品.
/// 负责 leads only where its clause is about supervising the sector as a whole (负责燃气安全管理, 负责渔业安全生产工作):
/// 负责剧毒化学品购买许可 or 负责校园内供气的安全检查 is a duty about the sector, not its lead (DutyRole.Covers).
/// Built once per vocabulary set; thread-safe.</summary>
public sealed class DutyAnalyzer
{
    private enum Cue
    {
        Lead,
        Assist,
        // 承担/履行/负责: a lead only when the clause is about managing (承担…监督管理职责), not 承担…领导责任 nor
        // 负责…许可.
        LeadIfManaging,
        // After the sector: 对…实施监督管理.
        TrailingLead,
        // Words that contain a verb but are not one (负责人, 主管部门, 配合单位, 指导协调): matched to shadow it.
        Neutral,
        // 与X联合/共同: X is a partner.
        With,
        // 由X负责: X is responsible.
        By,
    }

    private static readonly (string Term, Cue Cue)[] Cues =
    [
        ("负责", Cue.LeadIfManaging), ("牵头", Cue.Lead), ("主责", Cue.Lead), ("主管", Cue.Lead), ("牵头协调", Cue.Lead),
        ("承担", Cue.LeadIfManaging), ("履行", Cue.LeadIfManaging),
        ("配合", Cue.Assist), ("协助", Cue.Assist), ("会同", Cue.Assist), ("参与", Cue.Assist), ("协调", Cue.Assist),
        ("支持", Cue.Assist), ("协同", Cue.Assist), ("联合", Cue.Assist), ("参加", Cue.Assist),
        ("实施监督管理", Cue.TrailingLead), ("进行监督管理", Cue.TrailingLead), ("实施监管", Cue.TrailingLead),
        ("进行监管", Cue.TrailingLead), ("实施安全监管", Cue.TrailingLead), ("实施安全监督管理", Cue.TrailingLead),
        ("进行安全监督管理", Cue.TrailingLead), ("实施监察", Cue.TrailingLead),
        ("负责人", Cue.Neutral), ("负责同志", Cue.Neutral), ("谁负责", Cue.Neutral), ("谁主管", Cue.Neutral),
        ("谁牵头", Cue.Neutral), ("主管部门", Cue.Neutral), ("业务主管", Cue.Neutral), ("主管单位", Cue.Neutral),
        ("牵头单位", Cue.Neutral), ("配合单位", Cue.Neutral), ("主责单位", Cue.Neutral), ("主责科室", Cue.Neutral),
        ("指导协调", Cue.Neutral), ("统筹协调", Cue.Neutral), ("综合协调", Cue.Neutral), ("组织协调", Cue.Neutral),
        ("协调机制", Cue.Neutral), ("参与权", Cue.Neutral), ("支持保障", Cue.Neutral),
        ("与", Cue.With), ("由", Cue.By), ("由于", Cue.Neutral), ("与其", Cue.Neutral),
    ];

    // Words that end the noun phrase after a verb: the body named is before them (配合市安全监管局|做好…).
    private static readonly string[] MentionStops =
    [
        "做好", "搞好", "做", "对", "开展", "加强", "督促", "依法", "共同", "查处", "建立", "负责", "指导", "制定", "制订",
        "推动", "推进", "落实", "抓好", "完成", "进行", "实施", "打击", "维护", "提供", "按照", "把", "将", "联合", "核准",
        "审查", "检查", "调查", "处置", "办理", "研究", "编制", "发布", "严厉", "指挥", "牵头", "协调", "参与", "一起",
        "协同", "监督检查", "定期", "及时", "认真", "在", "为", "从", "向", "就", "按", "根据", "组织", "安排",
    ];

    private static readonly string[] BodySuffixes =
    [
        "局", "委", "办", "厅", "部门", "中心", "公司", "队", "所", "站", "院", "会", "机构", "政府", "企业", "部", "署",
        "支行", "海关", "社", "联",
    ];

    // Endings that make a phrase a body even when its agency type is unknown; the others (会, 社, 企业 …) also end
    // ordinary words (社会, 委员会) and need a known agency type.
    private static readonly string[] StrongSuffixes = ["局", "委", "办", "厅", "部门", "中心", "公司", "队", "所", "站", "院", "机构", "政府", "支行", "海关"];

    private static readonly string[] GenericHeads = ["上级", "有关", "相关", "其他", "主管", "各", "本级", "同级", "当地", "地方", "所在地", "人民政府", "政府", "行业", "职能", "监管", "下级"];
    private static readonly string[] GenericTails = ["有关部门", "相关部门", "主管部门", "职能部门", "监管部门", "部门", "单位", "机构", "企业", "等"];

    private const int MaxMentionLength = 30;

    private static readonly System.Buffers.SearchValues<char> StopFirstChars = System.Buffers.SearchValues.Create(string.Concat(MentionStops.Select(w => w[0])));
    private static readonly System.Buffers.SearchValues<char> SuffixFirstChars = System.Buffers.SearchValues.Create(string.Concat(BodySuffixes.Select(w => w[0])));

    private readonly Vocabularies _vocabularies;
    private readonly TermMatcher<Cue> _cues;

    public DutyAnalyzer(Vocabularies v)
    {
        _vocabularies = v;
        _cues = new TermMatcher<Cue>(Cues.Select(c => (c.Term, c.Cue)));
    }

    public DutyAnalysis Analyze(string dutyText)
    {
        var cues = _cues.FindLongest(dutyText);
        var clauses = ClauseStarts(dutyText);
        var excluded = ExcludedRanges(dutyText);
        var mentions = FindMentions(dutyText, cues);
        var bodyNames = _vocabularies.AgencyTypes.FindBodyNames(dutyText);

        var sectors = new List<SectorRole>();
        foreach (var match in _vocabularies.Sectors.FindIn(dutyText))
        {
            // The words of a body's name (文体旅游部门, 配合市安全监管局) are not what the duty is about.
            if (Inside(excluded, match.Start)
                || mentions.Exists(m => m.Start <= match.Start && match.Start < m.Start + m.Length)
                || bodyNames.Exists(b => b.Start <= match.Start && match.Start + match.Length <= b.Start + b.Length))
            {
                continue;
            }

            var clause = dutyText[clauses[match.Start]..ClauseEnd(clauses, match.Start)].TrimEnd('，', ',', '。', '；', ';', '：', ':', '\n');
            sectors.Add(new SectorRole(match, RoleOf(dutyText, match, cues, clauses), clause));
        }

        return new DutyAnalysis(sectors, _vocabularies.Laws.FindCitations(dutyText), mentions);
    }

    private static DutyRole RoleOf(string text, SectorMatch match, List<TermHit<Cue>> cues, int[] clauseStart)
    {
        var start = clauseStart[match.Start];
        var end = ClauseEnd(clauseStart, match.Start);
        for (var i = cues.Count - 1; i >= 0; i--)
        {
            var cue = cues[i];
            if (cue.Value == Cue.Neutral && cue.Start < match.Start && match.Start < cue.Start + cue.Length
                && Array.Find(Cues, c => c.Cue is Cue.Lead or Cue.Assist or Cue.LeadIfManaging && cue.Term.StartsWith(c.Term, StringComparison.Ordinal)) is { Term: not null } verb)
            {
                // 负责人防工程 is 负责 + 人防工程, not 负责人: the sector decides how the words split.
                return verb.Cue switch
                {
                    Cue.Assist => DutyRole.Assist,
                    Cue.LeadIfManaging when !IsAboutManaging(text, cue.Start + verb.Term.Length, end) => DutyRole.Covers,
                    _ => DutyRole.Lead,
                };
            }

            if (cue.Start + cue.Length > match.Start || cue.Start < start)
            {
                continue;
            }

            switch (cue.Value)
            {
                case Cue.Lead:
                    return DutyRole.Lead;
                case Cue.Assist:
                    return DutyRole.Assist;
                case Cue.LeadIfManaging when IsAboutManaging(text, cue.Start + cue.Length, end):
                    return DutyRole.Lead;
                case Cue.LeadIfManaging when cue.Term == "负责":
                    // 负责…许可: the nearest verb governs the sector, and it is no lead; an earlier verb does not.
                    return TrailingLead(cues, match, end) ? DutyRole.Lead : DutyRole.Covers;
            }
        }

        return TrailingLead(cues, match, end) ? DutyRole.Lead : DutyRole.Covers;
    }

    private static bool TrailingLead(List<TermHit<Cue>> cues, SectorMatch match, int end) =>
        cues.Exists(cue => cue.Value == Cue.TrailingLead && cue.Start >= match.Start + match.Length && cue.Start < end);

    // Supervision of the sector as a whole: its management, its work safety, its protection — not one act in it
    // (a licence, an inspection, a crackdown).
    private static readonly string[] ManagingWords = ["管理", "监管", "监督", "监察", "安全生产", "安全工作", "保护工作"];

    private static bool IsAboutManaging(string text, int from, int to)
    {
        var clause = text.AsSpan(from, Math.Max(0, to - from));
        foreach (var word in ManagingWords)
        {
            if (clause.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For each position, where its clause starts. Commas inside brackets do not end a clause
    /// (（特种设备除外，下同）).</summary>
    private static int[] ClauseStarts(string text)
    {
        var starts = new int[text.Length + 1];
        var current = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            starts[i] = current;
            var c = text[i];
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c is '。' or '；' or ';' or '！' or '？' or '\n' || (depth == 0 && c is '，' or ',' or '：' or ':'))
            {
                current = i + 1;
            }
        }

        starts[text.Length] = current;
        return starts;
    }

    private static int ClauseEnd(int[] clauseStart, int position)
    {
        var start = clauseStart[position];
        var i = position;
        while (i < clauseStart.Length - 1 && clauseStart[i + 1] == start)
        {
            i++;
        }

        return Math.Min(i + 1, clauseStart.Length - 1);
    }

    /// <summary>Bracketed exclusions — （不含城镇燃气）, （除特种设备）, (城市道路交通安全标志、标线除外) — name what the
    /// duty is NOT about.</summary>
    private static List<(int Start, int End)> ExcludedRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var opens = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '（' or '(')
            {
                opens.Push(i);
            }
            else if (text[i] is '）' or ')' && opens.Count > 0)
            {
                var open = opens.Pop();
                var inner = text.AsSpan(open + 1, i - open - 1).Trim();
                var comma = inner.IndexOfAny('，', ',');
                var head = comma >= 0 ? inner[..comma] : inner;
                if (inner.StartsWith("不含", StringComparison.Ordinal) || inner.StartsWith("不包括", StringComparison.Ordinal)
                    || inner.StartsWith("除", StringComparison.Ordinal) || inner.StartsWith("不属于", StringComparison.Ordinal)
                    || head.EndsWith("除外", StringComparison.Ordinal))
                {
                    ranges.Add((open, i));
                }
            }
        }

        return ranges;
    }

    private static bool Inside(List<(int Start, int End)> ranges, int position) =>
        ranges.Exists(r => r.Start < position && position < r.End);

    private List<BodyMention> FindMentions(string text, List<TermHit<Cue>> cues)
    {
        var mentions = new List<BodyMention>();
        foreach (var cue in cues)
        {
            if (cue.Value is not (Cue.Assist or Cue.With or Cue.By))
            {
                continue;
            }

            var from = cue.Start + cue.Length;
            // 与 and 由 are everywhere; only 与X联合 and 由X负责 name a body, so look for the partner word first.
            if (cue.Value is Cue.With or Cue.By && !PartnerWordAhead(text, from, cue.Value))
            {
                continue;
            }

            // The longest noun phrase after the verb that reads as a body (配合市安全监管局|做好…).
            var ends = NounPhraseEnds(text, from);
            for (var k = ends.Count - 1; k >= 0; k--)
            {
                var end = ends[k];
                var mention = text[from..end];
                if (!IsBody(mention))
                {
                    continue;
                }

                // 协助区委主要负责同志: the mention is a leader's post, not the body.
                if (FollowedBy(text, end, "主要负责", "负责同志", "领导", "主要领导"))
                {
                    break;
                }

                var role = cue.Value switch
                {
                    Cue.With when FollowedBy(text, end, "联合", "共同", "协同", "一起") => DutyRole.Assist,
                    Cue.By when FollowedBy(text, end, "负责", "牵头") => DutyRole.Lead,
                    Cue.Assist => DutyRole.Assist,
                    _ => (DutyRole?)null,
                };
                if (role is { } r)
                {
                    mentions.Add(new BodyMention(mention, from, end - from, r));
                }

                break;
            }
        }

        return mentions;
    }

    private static bool PartnerWordAhead(string text, int from, Cue cue)
    {
        var window = text.AsSpan(from, Math.Min(MaxMentionLength + 2, text.Length - from));
        return cue == Cue.With
            ? window.Contains("联合", StringComparison.Ordinal) || window.Contains("共同", StringComparison.Ordinal)
                || window.Contains("协同", StringComparison.Ordinal) || window.Contains("一起", StringComparison.Ordinal)
            : window.Contains("负责", StringComparison.Ordinal) || window.Contains("牵头", StringComparison.Ordinal);
    }

    /// <summary>A body name rather than a generic reference (有关部门) or a description (负有…职责的部门): it names a known
    /// agency type, or ends like an office does (局, 部门, 中心, 所 …).</summary>
    private bool IsBody(string mention)
    {
        if (mention.Contains('的') || IsGeneric(mention))
        {
            return false;
        }

        return _vocabularies.AgencyTypes.ResolveMention(mention).Count > 0 || StrongSuffixes.Any(x => mention.EndsWith(x, StringComparison.Ordinal));
    }

    /// <summary>Positions after <paramref name="from"/> where a body name could end (after 局, 部门, 中心 …), before
    /// punctuation or a word that starts the predicate.</summary>
    private static List<int> NounPhraseEnds(string text, int from)
    {
        var ends = new List<int>();
        var limit = Math.Min(text.Length, from + MaxMentionLength);
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (c is '，' or '。' or '；' or ';' or '：' or ':' or ',' or '\n' or '！' or '？' or '“' or '"' or '《' or '（' or '(')
            {
                break;
            }

            if (StartsPredicate(text, i) || (i == from && c == '、'))
            {
                break;
            }

            if (!SuffixFirstChars.Contains(c))
            {
                continue;
            }

            foreach (var suffix in BodySuffixes)
            {
                var end = i + suffix.Length;
                if (end - from >= 2 && string.CompareOrdinal(text, i, suffix, 0, suffix.Length) == 0 && !ends.Contains(end)
                    && !(suffix == "所" && ((i > 0 && text[i - 1] is '场' or '住' or '处') || (end < text.Length && "涉属在辖监需有述列管".Contains(text[end]))))
                    && !(end < text.Length && text[end] == '门'))
                {
                    ends.Add(end);
                }
            }
        }

        ends.Sort();
        return ends;
    }

    private static bool StartsPredicate(string text, int i)
    {
        if (!StopFirstChars.Contains(text[i]))
        {
            return false;
        }

        foreach (var stop in MentionStops)
        {
            if (string.CompareOrdinal(text, i, stop, 0, stop.Length) != 0)
            {
                continue;
            }

            // 组织部 and 监督管理局 are names, not predicates.
            var after = i + stop.Length < text.Length ? text[i + stop.Length] : '\0';
            if ((stop == "组织" && after == '部') || (stop == "在" && i > 0 && text[i - 1] == '设'))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool FollowedBy(string text, int position, params string[] words) =>
        words.Any(w => string.CompareOrdinal(text, position, w, 0, w.Length) == 0);

    /// <summary>有关部门, 上级部门, 区人民政府有关部门: a mention that names no particular body.</summary>
    private static bool IsGeneric(string mention)
    {
        var rest = mention.Trim();
        bool changed;
        do
        {
            changed = false;
            rest = rest.TrimStart('市', '区', '县', '镇', '乡', '省', '级');
            foreach (var head in GenericHeads)
            {
                if (rest.StartsWith(head, StringComparison.Ordinal))
                {
                    rest = rest[head.Length..];
                    changed = true;
                }
            }

            foreach (var tail in GenericTails)
            {
                if (rest.EndsWith(tail, StringComparison.Ordinal))
                {
                    rest = rest[..^tail.Length];
                    changed = true;
                }
            }
        }
        while (changed && rest.Length > 0);

        return rest.Trim('、', '和', '及', '与', '或').Length == 0;
    }
}
