using SafetyDuty.Graph.Model;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>A sector term found in a text (offsets relative to the text searched).</summary>
public sealed record SectorMatch(Sector Sector, string Term, int Start, int Length);

/// <summary>The reviewed sector taxonomy (sectors.yaml): two facets, hazard (hazards and activities) and venue
/// (venues and industries), each sector with synonyms and a parent.</summary>
public sealed class SectorTaxonomy
{
    public const string HazardFacet = "hazard";
    public const string VenueFacet = "venue";

    private readonly Dictionary<string, Sector> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Sector>> _children = new(StringComparer.Ordinal);
    private readonly TermMatcher<Sector?> _matcher;

    private SectorTaxonomy(List<Sector> sectors, IReadOnlyList<string> ignored)
    {
        Sectors = sectors;
        foreach (var sector in sectors)
        {
            _byTerm[sector.Name] = sector;
            foreach (var alias in sector.Aliases)
            {
                _byTerm[alias] = sector;
            }

            if (sector.ParentId is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    _children[parent] = list = [];
                }

                list.Add(sector);
            }
        }

        // Ignored terms take part in longest-first matching so that the shorter sector terms inside them stay unmatched.
        _matcher = new TermMatcher<Sector?>(_byTerm.Select(kv => (kv.Key, (Sector?)kv.Value)).Concat(ignored.Select(t => (t, (Sector?)null))));
    }

    public IReadOnlyList<Sector> Sectors { get; }

    /// <summary>Sector terms in the text: non-overlapping, longest first (城镇燃气 rather than 燃气 inside it).</summary>
    public IReadOnlyList<SectorMatch> FindIn(string text)
    {
        var result = new List<SectorMatch>();
        foreach (var hit in _matcher.FindLongest(text))
        {
            if (hit.Value is { } sector)
            {
                result.Add(new SectorMatch(sector, hit.Term, hit.Start, hit.Length));
            }
        }

        return result;
    }

    /// <summary>A topic (name or synonym) and every sector under it; empty when the topic is unknown.</summary>
    public IReadOnlyList<Sector> Resolve(string topic)
    {
        if (Lookup(topic) is not { } root)
        {
            return [];
        }

        var result = new List<Sector> { root };
        for (var i = 0; i < result.Count; i++)
        {
            if (_children.TryGetValue(result[i].Id, out var children))
            {
                result.AddRange(children);
            }
        }

        return result;
    }

    /// <summary>The sector with exactly this name or synonym.</summary>
    public Sector? Lookup(string nameOrSynonym) =>
        _byTerm.TryGetValue(nameOrSynonym.Trim(), out var sector) ? sector : null;

    public Sector? Parent(Sector sector) =>
        sector.ParentId is null ? null : Sectors.FirstOrDefault(s => s.Id == sector.ParentId);

    public IReadOnlyList<Sector> Children(Sector sector) =>
        _children.TryGetValue(sector.Id, out var list) ? list : [];

    internal static SectorTaxonomy Load(VocabularyYaml yaml)
    {
        var entries = new List<(string Name, string? Facet, string? Parent, List<(string Value, YamlDotNet.RepresentationModel.YamlNode Node)> Synonyms, YamlDotNet.RepresentationModel.YamlMappingNode Node)>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in yaml.TopLevelList("sectors"))
        {
            var entry = yaml.Mapping(item, "行业领域条目");
            yaml.OnlyKeys(entry, "name", "facet", "parent", "synonyms", "seen");
            var name = yaml.Required(entry, "name");
            yaml.Required(entry, "seen");
            var facet = yaml.Optional(entry, "facet");
            if (facet is not (null or HazardFacet or VenueFacet))
            {
                throw yaml.Error(entry, $"行业领域 {name} 的 facet 应为 hazard 或 venue（got {facet}）");
            }

            var synonyms = yaml.List(entry, "synonyms");
            foreach (var (term, node) in synonyms.Prepend((name, entry)))
            {
                if (owner.TryGetValue(term, out var other))
                {
                    throw yaml.Error(node, other == name
                        ? $"词语 {term} 在行业领域 {name} 中重复（duplicate term）"
                        : $"词语 {term} 同时属于行业领域 {other} 和 {name}（a term must name one sector）");
                }

                if (term.Length < 2)
                {
                    throw yaml.Error(node, $"词语 {term} 过短，会误配（a one-character term matches everywhere）");
                }

                owner[term] = name;
            }

            entries.Add((name, facet, yaml.Optional(entry, "parent"), synonyms, entry));
        }

        var ignored = new List<string>();
        var root = yaml.Mapping(yaml.Root, "文件顶层");
        if (root.Children.ContainsKey(new YamlDotNet.RepresentationModel.YamlScalarNode("ignore")))
        {
            foreach (var item in yaml.TopLevelList("ignore"))
            {
                var entry = yaml.Mapping(item, "忽略词条目");
                yaml.OnlyKeys(entry, "term", "seen");
                var term = yaml.Required(entry, "term");
                yaml.Required(entry, "seen");
                if (owner.TryGetValue(term, out var other))
                {
                    throw yaml.Error(entry, $"忽略词 {term} 已是行业领域 {other} 的词语（an ignored term cannot name a sector）");
                }

                owner[term] = "";
                ignored.Add(term);
            }
        }

        var byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var facets = new Dictionary<string, string>(StringComparer.Ordinal);
        string FacetOf(string name)
        {
            if (facets.TryGetValue(name, out var known))
            {
                return known;
            }

            var e = byName[name];
            var facet = e.Facet ?? (e.Parent is null
                ? throw yaml.Error(e.Node, $"顶层行业领域 {name} 缺少 facet（missing facet）")
                : FacetOf(e.Parent));
            facets[name] = facet;
            return facet;
        }

        foreach (var e in entries)
        {
            if (e.Parent is { } parent && !byName.ContainsKey(parent))
            {
                throw yaml.Error(e.Node, $"行业领域 {e.Name} 的上级 {parent} 不存在（unknown parent）");
            }

            var ancestor = e.Parent;
            for (var depth = 0; ancestor is not null; depth++)
            {
                if (ancestor == e.Name || depth > entries.Count)
                {
                    throw yaml.Error(e.Node, $"行业领域 {e.Name} 的上级形成循环（parent cycle）");
                }

                ancestor = byName[ancestor].Parent;
            }
        }

        var sectors = entries.ConvertAll(e => new Sector(
            StableId.Sector(e.Name),
            e.Name,
            FacetOf(e.Name),
            e.Parent is null ? null : StableId.Sector(e.Parent),
            e.Synonyms.ConvertAll(s => s.Value)));
        return new SectorTaxonomy(sectors, ignored);
    }
}
