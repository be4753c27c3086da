using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>A title cited as 《…》: the law it names, the title as written, and its span in the text searched
/// (the brackets included).</summary>
public sealed record LawCitation(Law Law, string CitedTitle, int Start, int Length);

/// <summary>The reviewed catalogue of laws (laws.yaml): titles as cited → canonical title and level. Titles not in
/// the catalogue are cleaned and their level guessed from their form.</summary>
public sealed class LawCatalog
{
    public const string NationalLaw = "national-law";
    public const string AdministrativeRegulation = "administrative-regulation";
    public const string LocalRegulation = "local-regulation";
    public const string DepartmentalRule = "departmental-rule";
    public const string NormativeDocument = "normative-document";
    private static readonly string[] Levels = [NationalLaw, AdministrativeRegulation, LocalRegulation, DepartmentalRule, NormativeDocument];

    // A 《 without its 》 within this many characters is prose, not a title.
    private const int MaxTitleLength = 160;
    // An extra 》 closes a title when only this much text separates it from the first one (…〉》的通知》).
    private const int MaxStrayGap = 12;

    private readonly Dictionary<string, (string Canonical, string? Level)> _byTitle = new(StringComparer.Ordinal);

    private LawCatalog()
    {
    }

    /// <summary>The canonical titles in the catalogue with their levels.</summary>
    public IReadOnlyList<(string Canonical, string? Level)> Entries { get; private set; } = [];

    /// <summary>Every 《…》 in the text, tolerating what Word conversion leaves behind: a title broken over two
    /// lines, spaces, nested 〈〉 or ASCII &lt;&gt;, and an extra 》. A title nested inside another that the
    /// catalogue knows (《…印发〈企业安全生产费用提取和使用管理办法〉的通知》) is cited too.</summary>
    public IReadOnlyList<LawCitation> FindCitations(string text)
    {
        var result = new List<LawCitation>();
        var i = 0;
        while ((i = text.IndexOf('《', i)) >= 0)
        {
            var close = FindClose(text, i);
            if (close < 0)
            {
                i++;
                continue;
            }

            var raw = text[(i + 1)..close];
            var cited = Clean(raw);
            if (cited.Length > 0)
            {
                result.Add(new LawCitation(Canonicalize(cited), cited, i, close + 1 - i));
                AddNested(i + 1, raw, result);
            }

            i = close + 1;
        }

        return result;
    }

    /// <summary>The law a cited title names: the catalogue's canonical title and level, or the cleaned title with a
    /// level guessed from its form. The id derives from the canonical title.</summary>
    public Law Canonicalize(string citedTitle)
    {
        var cleaned = Clean(citedTitle);
        var key = Key(cleaned);
        var (canonical, level) = _byTitle.TryGetValue(key, out var known) ? known : (Normalise(cleaned), GuessLevel(cleaned));
        return new Law(StableId.Law(canonical), cleaned, canonical, level);
    }

    private void AddNested(int offset, string raw, List<LawCitation> result)
    {
        var open = raw.IndexOfAny(['〈', '<', '《']);
        while (open >= 0)
        {
            var close = raw.IndexOfAny(['〉', '>', '》'], open + 1);
            if (close < 0)
            {
                return;
            }

            var inner = Clean(raw[(open + 1)..close]);
            if (_byTitle.ContainsKey(Key(inner)))
            {
                result.Add(new LawCitation(Canonicalize(inner), inner, offset + open, close + 1 - open));
            }

            open = raw.IndexOfAny(['〈', '<', '《'], close + 1);
        }
    }

    /// <summary>Position of the 》 that closes the 《 at <paramref name="open"/>, or -1.</summary>
    private static int FindClose(string text, int open)
    {
        var nested = 0;
        var limit = Math.Min(text.Length, open + 1 + MaxTitleLength);
        for (var j = open + 1; j < limit; j++)
        {
            var c = text[j];
            switch (c)
            {
                case '〈' or '<':
                    nested++;
                    break;
                case '〉' or '>':
                    nested = Math.Max(0, nested - 1);
                    break;
                case '《':
                    // A new title opens before this one closed: this 《 was stray.
                    return -1;
                case '。' or '；':
                    return -1;
                case '\n' when j + 1 < text.Length && text[j + 1] is '\n' or '\r':
                    return -1;
                case '》':
                    return ExtendOverStray(text, j);
            }
        }

        return -1;
    }

    /// <summary>《…〈…〉》的通知》: when a second 》 follows closely with no 《 between, the first one was stray.</summary>
    private static int ExtendOverStray(string text, int close)
    {
        var limit = Math.Min(text.Length, close + 1 + MaxStrayGap);
        for (var j = close + 1; j < limit; j++)
        {
            switch (text[j])
            {
                case '》':
                    return j;
                case '《' or '。' or '；' or '，' or '、' or '（' or '(' or '\n' or '〈' or '<':
                    return close;
            }
        }

        return close;
    }

    /// <summary>The title as cited, without line breaks, spaces or stray closing brackets.</summary>
    private static string Clean(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c) && c != '》' && c != '《')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Nested titles written with ASCII &lt;&gt; or full-width quotes are the same title: one spelling.</summary>
    private static string Normalise(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            sb.Append(c switch
            {
                '<' => '〈',
                '>' => '〉',
                '"' => '“',
                '(' => '（',
                ')' => '）',
                _ => c,
            });
        }

        return sb.ToString();
    }

    // Lookup key: normalised, and quote marks dropped (“党政同责” is cited with straight, curly or no quotes).
    private static string Key(string title) =>
        new(Normalise(title).Where(c => c is not ('“' or '”' or '‘' or '’' or '\'')).ToArray());

    private static string? GuessLevel(string title)
    {
        var t = title.TrimEnd('）', ')');
        var draft = t.LastIndexOf('（');
        if (draft > 0 && t.EndsWith('稿'))
        {
            t = t[..draft];
        }

        if (t.Contains("关于", StringComparison.Ordinal) || EndsWithAny(t, "通知", "意见", "决定", "通报", "方案", "清单", "公告", "措施", "要点", "细则"))
        {
            return NormativeDocument;
        }

        if (EndsWithAny(t, "办法", "规定", "规则", "规章"))
        {
            return DepartmentalRule;
        }

        if (t.EndsWith("条例", StringComparison.Ordinal))
        {
            return t.Contains('省') || t.Contains('市') || t.Contains("自治区", StringComparison.Ordinal) ? LocalRegulation : AdministrativeRegulation;
        }

        if (t.EndsWith('法'))
        {
            return t.StartsWith("中华人民共和国", StringComparison.Ordinal) ? NationalLaw : null;
        }

        return null;
    }

    private static bool EndsWithAny(string text, params string[] suffixes) =>
        suffixes.Any(s => text.EndsWith(s, StringComparison.Ordinal));

    internal static LawCatalog Load(VocabularyYaml yaml)
    {
        var catalog = new LawCatalog();
        var entries = new List<(string, string?)>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in yaml.TopLevelList("laws"))
        {
            var entry = yaml.Mapping(item, "法规条目");
            yaml.OnlyKeys(entry, "canonical", "level", "cited", "seen");
            var canonical = Normalise(Clean(yaml.Required(entry, "canonical")));
            yaml.Required(entry, "seen");
            var level = yaml.Optional(entry, "level");
            if (level is not null && !Levels.Contains(level))
            {
                throw yaml.Error(entry, $"法规 {canonical} 的 level 无效：{level}（one of {string.Join(", ", Levels)}）");
            }

            foreach (var (title, node) in yaml.List(entry, "cited").Prepend((canonical, entry)))
            {
                var key = Key(Clean(title));
                if (owner.TryGetValue(key, out var other))
                {
                    throw yaml.Error(node, other == canonical
                        ? $"引用标题 {title} 在法规 {canonical} 中重复（duplicate title）"
                        : $"引用标题 {title} 同时属于法规 {other} 和 {canonical}（a title must name one law）");
                }

                owner[key] = canonical;
                catalog._byTitle[key] = (canonical, level);
            }

            entries.Add((canonical, level));
        }

        catalog.Entries = entries;
        return catalog;
    }
}
