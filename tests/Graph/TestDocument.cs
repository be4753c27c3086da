using System.Security.Cryptography;
using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Graph;

// Builds a small DocumentGraph the way the reader would: duty texts are appended to the document's text and
// their provenance points at them.
internal sealed class TestDocument
{
    private readonly StringBuilder _text = new();
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphEdge> _edges = [];
    private readonly Dictionary<string, int> _dutiesPerOwner = [];
    private readonly string _version;

    public TestDocument(string place, string title, string version = "v1", string? number = null)
    {
        Place = new Jurisdiction(StableId.Jurisdiction(place), place, "county");
        DocumentId = StableId.Document(Place.Id, number ?? title);
        Title = title;
        Number = number;
        _version = version;
        _text.Append(title).Append('\n');
        _nodes.Add(Place);
    }

    public Jurisdiction Place { get; }

    public string DocumentId { get; }

    public string Title { get; }

    public string? Number { get; }

    public Body Body(string name, string? agencyType = null, BodyKind kind = BodyKind.Department, Body? hostedBy = null, params string[] aliases)
    {
        var body = new Body(StableId.Body(Place.Id, name), name, kind, agencyType, Place.Id, aliases, hostedBy?.Id, Locate(name, "总则"));
        _nodes.Add(body);
        return body;
    }

    public Leader Leader(string title)
    {
        var leader = new Leader(StableId.Leader(Place.Id, title), title, Place.Id, Locate(title, "领导"));
        _nodes.Add(leader);
        return leader;
    }

    public Duty Duty(GraphNode owner, string text)
    {
        var order = _dutiesPerOwner[owner.Id] = _dutiesPerOwner.GetValueOrDefault(owner.Id) + 1;
        var locator = $"{owner.DisplayName}（{order}）";
        var duty = new Duty(StableId.Duty(DocumentId, locator, order), text, owner.Id, Place.Id, order, false, Locate(text, locator));
        _nodes.Add(duty);
        return duty;
    }

    public Law Law(string title, string canonicalTitle)
    {
        var law = new Law(StableId.Law(canonicalTitle), title, canonicalTitle, "national-law");
        _nodes.Add(law);
        return law;
    }

    public void Add(GraphNode node) => _nodes.Add(node);

    public GraphEdge Edge(EdgeType type, GraphNode from, GraphNode to, string? scope = null, params Duty[] evidence)
    {
        var source = evidence.Length > 0
            ? evidence[0].Source
            : new Provenance(DocumentId, "全文", 0, 1);
        var edge = new GraphEdge(type, from.Id, to.Id, [.. evidence.Select(d => d.Id)], scope, source);
        _edges.Add(edge);
        return edge;
    }

    /// <summary>A LEAD or ASSIST edge stated one way, as the reader records it: the duty and the words quoted.</summary>
    public GraphEdge Role(EdgeType type, Body body, Sector sector, Duty duty, RoleBasisKind kind, string quote, string? scope = null)
    {
        var edge = new GraphEdge(type, body.Id, sector.Id, [duty.Id], scope, duty.Source) { Basis = [new RoleBasis(duty.Id, kind, quote)] };
        _edges.Add(edge);
        return edge;
    }

    public DocumentGraph Build()
    {
        var text = _text.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_version + "\n" + text)));
        var document = new Document(DocumentId, Title, Number, "测试人民政府", "2024-01-01", DocumentStatus.InForce,
            Place.Id, Title + ".txt", hash);
        return new DocumentGraph(document, text, [.. _nodes], [.. _edges]);
    }

    private Provenance Locate(string text, string locator)
    {
        var start = _text.Length;
        _text.Append(text).Append('\n');
        return new Provenance(DocumentId, locator, start, text.Length);
    }
}

// A small reviewed taxonomy: 燃气 with synonyms and two levels of sub-sectors, 餐饮, 消防.
internal static class TestTaxonomy
{
    public static readonly Sector Gas = new(StableId.Sector("燃气"), "燃气", "hazard", null, ["天然气", "供气"]);
    public static readonly Sector TownGas = new(StableId.Sector("城镇燃气"), "城镇燃气", "hazard", Gas.Id, ["管道燃气"]);
    public static readonly Sector BottledGas = new(StableId.Sector("瓶装燃气"), "瓶装燃气", "hazard", TownGas.Id, ["液化石油气"]);
    public static readonly Sector Catering = new(StableId.Sector("餐饮"), "餐饮", "venue", null, ["餐饮服务", "饭店", "餐馆"]);
    public static readonly Sector Fire = new(StableId.Sector("消防"), "消防", "hazard", null, []);

    public static IReadOnlyList<Sector> Sectors => [Gas, TownGas, BottledGas, Catering, Fire];
}
