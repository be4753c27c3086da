using System.Security.Cryptography;
using System.Text.Json;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

/// <summary>What one document contributes, as every store writes it: the graph checked, its nodes and edges each
/// once, and the fingerprint that decides whether a load is <see cref="LoadOutcome.Unchanged"/>. Made once here,
/// above the stores, so that SQLite and Neo4j refuse, merge and compare a document alike.</summary>
public sealed class DocumentContribution
{
    private DocumentContribution(DocumentGraph graph, IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        Document = graph.Document;
        Text = graph.Text;
        Nodes = nodes;
        Edges = edges;
        Fingerprint = FingerprintOf(new DocumentGraph(graph.Document, graph.Text, nodes, edges));
    }

    public Document Document { get; }

    /// <summary>The document's normalised text.</summary>
    public string Text { get; }

    /// <summary>The document node first, then the nodes it yields, each id once (the last occurrence wins).</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    /// <summary>One edge per id (type, ends, document): repeated mentions of the same relationship keep the evidence
    /// of every mention, in the order first met, and the first scope given.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>SHA-256 of everything the store would hold for the document (text, nodes, edges), not of the file
    /// alone: the same file read by a changed reader yields a different graph, and that must replace the old
    /// reading rather than count as unchanged.</summary>
    public string Fingerprint { get; }

    /// <summary>Checks and merges a document's graph. A graph that breaks the model is refused with
    /// <see cref="ArgumentException"/> before anything is written: reviewed sectors come only from the taxonomy (a
    /// document brings only its own, unreviewed ones), and a duty or an
    /// edge belongs to the document it was read from.</summary>
    public static DocumentContribution Of(DocumentGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new DocumentContribution(graph, NodesOf(graph), EdgesOf(graph));
    }

    private static List<GraphNode> NodesOf(DocumentGraph graph)
    {
        var byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [graph.Document.Id] = graph.Document };
        foreach (var node in graph.Nodes)
        {
            if (node is Sector { IsReviewed: true })
            {
                throw new ArgumentException($"文件 {graph.Document.Id} 含有已审核的行业领域节点 {node.Id}；已审核的行业领域只来自分类表，文件只能带来待审核的文件行业领域 (reviewed sectors come from the taxonomy; a document brings only its own, unreviewed ones).", nameof(graph));
            }

            if (node is Duty duty && duty.DocumentId != graph.Document.Id)
            {
                throw new ArgumentException($"职责 {duty.Id} 的出处是另一份文件 {duty.DocumentId} (a duty belongs to the document it was read from).", nameof(graph));
            }

            if (node.Id != graph.Document.Id)
            {
                byId[node.Id] = node;
            }
        }

        return [.. byId.Values];
    }

    private static List<GraphEdge> EdgesOf(DocumentGraph graph)
    {
        var byId = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            if (edge.Source is not null && edge.Source.DocumentId != graph.Document.Id)
            {
                throw new ArgumentException($"关系 {edge.Type} {edge.FromId}→{edge.ToId} 的出处是另一份文件 (an edge belongs to the document it was read from).", nameof(graph));
            }

            byId[edge.Id] = byId.TryGetValue(edge.Id, out var seen)
                ? seen with { Evidence = [.. seen.Evidence.Union(edge.Evidence)], Scope = seen.Scope ?? edge.Scope, Basis = [.. seen.Basis.Union(edge.Basis)] }
                : edge;
        }

        return [.. byId.Values];
    }

    private static string FingerprintOf(DocumentGraph merged) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(merged, NodeJson.Stored.DocumentGraph)));
}
