using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Synthetic;

/// <summary>A synthetic knowledge base of many places made from template documents (the five seeds as the reader
/// reads them): each place is a template with
/// the place and its bodies renamed, each owner's duties shuffled, and fresh stable ids. Deterministic: the same
/// place index and revision always give the same document. A later revision of a place is a new version of the
/// same document (same id): its duties are shuffled differently and one body is left out.</summary>
public sealed class SyntheticKnowledgeBase(IReadOnlyList<DocumentGraph> templates, IReadOnlyList<Sector> taxonomy)
{
    private static readonly string[] Heads =
    [
        "安", "平", "临", "长", "清", "永", "新", "宁", "东", "西", "南", "北", "丰", "富", "兴", "昌", "德", "泰", "和", "阳",
        "明", "华", "金", "玉", "云", "山", "河", "江", "湖", "海", "石", "林", "桥", "源", "宝", "庆", "福", "瑞", "嘉", "康",
    ];

    private static readonly string[] Tails =
    [
        "江", "川", "原", "阳", "山", "平", "安", "丰", "城", "溪", "谷", "泽", "水", "河", "州", "陵", "宁", "远", "乡", "台",
        "口", "屯", "桥", "湾", "峰", "坪", "岭", "关", "渡", "集",
    ];

    private static readonly string[] Levels = ["市", "县", "区"];

    /// <summary>The five bundled seed documents, read by the reader, as templates; the reviewed taxonomy.</summary>
    public static SyntheticKnowledgeBase FromSeeds(Vocabularies vocabularies)
    {
        ArgumentNullException.ThrowIfNull(vocabularies);
        var directory = BundledDocuments.Folder;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"找不到种子文件目录 (seed documents not found beside {AppContext.BaseDirectory})");
        }

        var reader = new DutyDocumentReader(vocabularies);
        var templates = Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).Select(f => reader.Read(f).Graph).ToList();
        return new SyntheticKnowledgeBase(templates, vocabularies.Sectors.Sectors);
    }

    public IReadOnlyList<Sector> Taxonomy => taxonomy;

    /// <summary>A unique place name for each index below 3,600 (安江市, 平川县 …), then numbered.</summary>
    public static string PlaceName(int index)
    {
        var combinations = Heads.Length * Tails.Length;
        var name = Heads[index % Heads.Length] + Tails[index / Heads.Length % Tails.Length] + Levels[index / combinations % Levels.Length];
        var round = index / (combinations * Levels.Length);
        return round == 0 ? name : name.Insert(2, round.ToString(CultureInfo.InvariantCulture));
    }

    public IEnumerable<DocumentGraph> Places(int count, int revision = 0) =>
        Enumerable.Range(0, count).Select(index => Place(index, revision));

    public DocumentGraph Place(int index, int revision = 0)
    {
        var template = templates[index % templates.Count];
        // A seed of our own: HashCode is randomised per process, and another process must get the same place.
        var random = new Random(unchecked((index * 7919) + (revision * 104729) + 1));
        var oldPlace = template.Nodes.OfType<Jurisdiction>().Single(j => j.Id == template.Document.JurisdictionId);
        var placeName = PlaceName(index);
        var place = oldPlace with { Id = StableId.Jurisdiction(placeName), Name = placeName, ParentId = null };
        var document = template.Document with
        {
            Title = Rename(template.Document.Title, oldPlace.Name, placeName),
            Number = template.Document.Number is { } number ? Rename(number, oldPlace.Name, placeName) : null,
            Issuer = template.Document.Issuer is { } issuer ? Rename(issuer, oldPlace.Name, placeName) : null,
            JurisdictionId = place.Id,
        };
        document = document with { Id = StableId.Document(place.Id, document.Number ?? document.Title) };

        // A later revision leaves one body out, so that a replacement has something to take away.
        var bodies = template.Nodes.OfType<Body>().ToList();
        var dropped = revision == 0 ? null : bodies[(revision - 1) % bodies.Count].Id;

        var ids = new Dictionary<string, string> { [oldPlace.Id] = place.Id, [template.Document.Id] = document.Id };
        var usedNames = new HashSet<string>();
        var shared = Taxonomy.Select(s => s.Id).Concat(template.Nodes.OfType<Law>().Select(l => l.Id)).ToHashSet();
        var names = new Dictionary<string, string>();
        foreach (var body in bodies.Where(b => b.Id != dropped).DistinctBy(b => b.Id))
        {
            // Two template bodies may rename to one name (市公安局, 公安局): keep them apart.
            var name = RenameBody(body.Name, oldPlace.Name, placeName);
            while (!usedNames.Add(name))
            {
                name += "＊";
            }

            names[body.Id] = name;
            ids[body.Id] = StableId.Body(place.Id, name);
        }

        foreach (var leader in template.Nodes.OfType<Leader>())
        {
            ids[leader.Id] = StableId.Leader(place.Id, leader.Title);
        }

        var text = new StringBuilder(document.Title).Append('\n');
        var nodes = new List<GraphNode> { place };
        nodes.AddRange(template.Nodes.OfType<Law>().DistinctBy(l => l.Id));
        var dutiesByOwner = template.Nodes.OfType<Duty>().DistinctBy(d => d.Id).GroupBy(d => d.OwnerId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Order).ToList());
        var newDuties = new Dictionary<string, Duty>();

        foreach (var owner in template.Nodes.Where(n => n is Body or Leader && ids.ContainsKey(n.Id)).DistinctBy(n => n.Id))
        {
            var ownerId = ids[owner.Id];
            if (owner is Body body)
            {
                var name = names[body.Id];
                nodes.Add(body with
                {
                    Id = ownerId,
                    Name = name,
                    JurisdictionId = place.Id,
                    HostedById = body.HostedById is { } host && ids.TryGetValue(host, out var newHost) ? newHost : null,
                    Aliases = [.. body.Aliases.Select(a => RenameBody(a, oldPlace.Name, placeName))],
                    Source = Append(text, document.Id, body.Source?.Locator, name),
                });
            }
            else if (owner is Leader leader)
            {
                nodes.Add(leader with
                {
                    Id = ownerId,
                    JurisdictionId = place.Id,
                    Source = Append(text, document.Id, leader.Source?.Locator, leader.Title),
                });
            }

            // An owner's duties keep their slots (locator, order) and trade texts: shuffled duties. Edges follow
            // the text they were read from.
            var duties = dutiesByOwner.GetValueOrDefault(owner.Id) ?? [];
            var shuffled = Enumerable.Range(0, duties.Count).ToArray();
            random.Shuffle(shuffled);
            for (var slot = 0; slot < duties.Count; slot++)
            {
                var original = duties[shuffled[slot]];
                var dutyText = Rename(original.Text, oldPlace.Name, placeName);
                var duty = duties[slot] with
                {
                    Id = StableId.Duty(document.Id, duties[slot].Locator, duties[slot].Order),
                    Text = dutyText,
                    OwnerId = ownerId,
                    JurisdictionId = place.Id,
                    IsCommon = original.IsCommon,
                    Source = Append(text, document.Id, duties[slot].Locator, dutyText),
                };
                ids[original.Id] = duty.Id;
                newDuties[duty.Id] = duty;
                nodes.Add(duty);
            }
        }

        var edges = new List<GraphEdge>();
        foreach (var edge in template.Edges)
        {
            if (!Maps(edge.FromId, out var from) || !Maps(edge.ToId, out var to))
            {
                continue;
            }

            var evidence = edge.Evidence.Where(ids.ContainsKey).Select(e => ids[e]).ToList();
            if (edge.Evidence.Count > 0 && evidence.Count == 0)
            {
                continue;
            }

            var witness = evidence.Count > 0 ? evidence[0] : newDuties.ContainsKey(from) ? from : null;
            var source = witness is not null
                ? newDuties[witness].Source
                : edge.Source is null ? null : new Provenance(document.Id, edge.Source.Locator, 0, 0);
            edges.Add(edge with { FromId = from, ToId = to, Evidence = evidence, Source = source });
        }

        var documentText = text.ToString();
        document = document with { ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentText))) };
        return new DocumentGraph(document, documentText, nodes, edges);

        // Sectors and laws are shared across places and keep their ids; everything of the template place is
        // renamed; what the revision left out is dropped.
        bool Maps(string id, out string mapped)
        {
            if (ids.TryGetValue(id, out mapped!))
            {
                return true;
            }

            mapped = id;
            return shared.Contains(id);
        }
    }

    private static string Rename(string text, string oldPlace, string newPlace) =>
        text.Replace(oldPlace, newPlace, StringComparison.Ordinal);

    // 市公安局 → 安江市公安局: a body named after its level takes the place's name.
    private static string RenameBody(string name, string oldPlace, string newPlace)
    {
        var renamed = Rename(name, oldPlace, newPlace);
        if (renamed != name)
        {
            return renamed;
        }

        var level = oldPlace[^1..];
        return name.StartsWith(level, StringComparison.Ordinal) ? newPlace + name[level.Length..] : newPlace + name;
    }

    private static Provenance Append(StringBuilder text, string documentId, string? locator, string line)
    {
        var start = text.Length;
        text.Append(line).Append('\n');
        return new Provenance(documentId, locator ?? "", start, line.Length);
    }
}
