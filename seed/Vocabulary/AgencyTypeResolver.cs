using SafetyDuty.Graph.Model;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>Maps a body's name as written (市安全生产监督管理局, 张山子派出所, 国土、建设部门) to its canonical agency type
/// (应急管理, 公安 …) and its kind, from the reviewed agency-types.yaml.</summary>
public sealed class AgencyTypeResolver
{
    // Trailing words that make a mention generic or that join several bodies into one phrase (国土、建设等有关部门).
    private static readonly string[] MentionTails = ["等有关部门", "等相关部门", "等部门", "有关部门", "相关部门", "等单位", "部门", "单位"];
    private static readonly char[] ListSeparators = ['、', '，', ',', '/', '；'];
    private static readonly char[] Conjunctions = ['和', '及', '与', '或'];

    private readonly TermMatcher<string> _aliases;
    private readonly IReadOnlyList<KindRule> _kindRules;

    private AgencyTypeResolver(IReadOnlyList<string> types, IEnumerable<(string Alias, string Type)> aliases, IReadOnlyList<KindRule> kindRules)
    {
        Types = types;
        _aliases = new TermMatcher<string>(aliases);
        _kindRules = kindRules;
    }

    /// <summary>The canonical agency types, in file order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The agency type of a body name with any place prefix (市, 洛阳市, 张山子镇 …); null if unknown.
    /// The head of a Chinese noun phrase is at its end, so the alias ending last wins (公安县应急管理局 is 应急管理),
    /// then the longest.</summary>
    public string? Resolve(string bodyName)
    {
        var name = Compact(bodyName);
        var (main, bracketed) = SplitBrackets(name);
        return ResolveCore(main) ?? bracketed.Select(ResolveCore).FirstOrDefault(t => t is not null);
    }

    /// <summary>The kind of body a name denotes, by the ordered rules of agency-types.yaml; Other if none applies.</summary>
    public BodyKind KindOf(string bodyName)
    {
        var (main, _) = SplitBrackets(Compact(bodyName));
        foreach (var rule in _kindRules)
        {
            if (rule.Matches(main))
            {
                return rule.Kind;
            }
        }

        return BodyKind.Other;
    }

    /// <summary>The agency types a mention in a duty names: "国土、建设部门" → [自然资源, 住房和城乡建设].
    /// Empty when the mention is generic (有关部门) or unknown.</summary>
    public IReadOnlyList<string> ResolveMention(string mention)
    {
        var (text, _) = SplitBrackets(Compact(mention));
        var whole = ResolveCore(text);
        var tail = MentionTails.FirstOrDefault(t => text.EndsWith(t, StringComparison.Ordinal));
        var result = new List<string>();
        if (tail is not null)
        {
            text = text[..^tail.Length];
        }
        else if (whole is not null && text.IndexOfAny(ListSeparators) < 0)
        {
            return [whole];
        }

        foreach (var part in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var type = ResolvePart(part);
            if (type is not null)
            {
                result.Add(type);
                continue;
            }

            // 住房和城乡建设 contains 和: split on conjunctions only when the whole part is not a name.
            foreach (var piece in part.Split(Conjunctions, StringSplitOptions.RemoveEmptyEntries))
            {
                if (ResolvePart(piece) is { } t)
                {
                    result.Add(t);
                }
            }
        }

        return result.Distinct().ToList();
    }

    private string? ResolvePart(string part) => ResolveCore(part) ?? ResolveCore(part + "部门");

    private string? ResolveCore(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        TermHit<string>? best = null;
        foreach (var hit in _aliases.FindAll(name))
        {
            var end = hit.Start + hit.Length;
            if (best is not { } b || end > b.Start + b.Length || (end == b.Start + b.Length && hit.Length > b.Length))
            {
                best = hit;
            }
        }

        return best?.Value;
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Separates 镇应急管理办公室（安全生产委员会办公室） into the name and its bracketed alias or host.</summary>
    private static (string Main, List<string> Bracketed) SplitBrackets(string name)
    {
        var main = new System.Text.StringBuilder();
        var inner = new System.Text.StringBuilder();
        var bracketed = new List<string>();
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    bracketed.Add(inner.ToString());
                    inner.Clear();
                }
            }
            else if (depth > 0)
            {
                inner.Append(c);
            }
            else
            {
                main.Append(c);
            }
        }

        if (inner.Length > 0)
        {
            bracketed.Add(inner.ToString());
        }

        return (main.ToString(), bracketed);
    }

    internal static AgencyTypeResolver Load(VocabularyYaml yaml)
    {
        var types = new List<string>();
        var aliases = new List<(string, string)>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in yaml.TopLevelList("types"))
        {
            var entry = yaml.Mapping(item, "机构类型条目");
            yaml.OnlyKeys(entry, "type", "aliases", "formerly", "seen");
            var type = yaml.Required(entry, "type");
            yaml.Required(entry, "seen");
            if (types.Contains(type))
            {
                throw yaml.Error(entry, $"机构类型 {type} 重复（duplicate type）");
            }

            types.Add(type);
            foreach (var (alias, node) in yaml.List(entry, "aliases").Concat(yaml.List(entry, "formerly")).Prepend((type, entry)))
            {
                if (owner.TryGetValue(alias, out var other))
                {
                    // Listing the type's own name among its aliases is harmless.
                    if (other == type && alias == type)
                    {
                        continue;
                    }

                    throw yaml.Error(node, other == type
                        ? $"别名 {alias} 在机构类型 {type} 中重复（duplicate alias）"
                        : $"别名 {alias} 同时属于机构类型 {other} 和 {type}（an alias must name one type）");
                }

                owner[alias] = type;
                aliases.Add((alias, type));
            }
        }

        var rules = new List<KindRule>();
        foreach (var item in yaml.TopLevelList("kinds"))
        {
            var entry = yaml.Mapping(item, "单位类别规则");
            yaml.OnlyKeys(entry, "kind", "endsWith", "contains", "startsWith", "seen");
            var kindName = yaml.Required(entry, "kind");
            if (!Enum.TryParse<BodyKind>(kindName, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                throw yaml.Error(entry, $"未知的单位类别 {kindName}（unknown kind; one of {string.Join(", ", Enum.GetNames<BodyKind>())}）");
            }

            var rule = new KindRule(
                kind,
                yaml.List(entry, "endsWith").ConvertAll(x => x.Value),
                yaml.List(entry, "contains").ConvertAll(x => x.Value),
                yaml.List(entry, "startsWith").ConvertAll(x => x.Value));
            if (rule.EndsWith.Count + rule.Contains.Count + rule.StartsWith.Count == 0)
            {
                throw yaml.Error(entry, $"单位类别规则 {kindName} 没有任何条件（a rule needs endsWith, contains or startsWith）");
            }

            rules.Add(rule);
        }

        return new AgencyTypeResolver(types, aliases, rules);
    }

    private sealed record KindRule(BodyKind Kind, List<string> EndsWith, List<string> Contains, List<string> StartsWith)
    {
        public bool Matches(string name) =>
            // Ordinal: a culture-aware comparison is slow and may ignore characters it deems insignificant.
            EndsWith.Exists(e => name.EndsWith(e, StringComparison.Ordinal)) || Contains.Exists(c => name.Contains(c, StringComparison.Ordinal))
            || StartsWith.Exists(s => name.StartsWith(s, StringComparison.Ordinal));
    }
}
