using System.Collections.Concurrent;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Api;

/// <summary>Counts the calls made to the real store, per method, to show that batching bounds them.</summary>
public sealed class CountingGraphStore(IGraphStore inner) : IGraphStore
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Reads => _calls.Where(c => c.Key is not (nameof(InitializeAsync) or nameof(LoadDocumentAsync) or nameof(ReplaceTaxonomyAsync))).Sum(c => c.Value);

    public void Reset() => _calls.Clear();

    /// <summary>The calls counted since the last reset, by method, for a failing assertion's message.</summary>
    public override string ToString() => string.Join(", ", _calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} ×{c.Value}"));

    private T Count<T>(string method, T result)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        return result;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(InitializeAsync), inner.InitializeAsync(cancellationToken));

    public Task<LoadOutcome> LoadDocumentAsync(DocumentGraph graph, CancellationToken cancellationToken = default) =>
        Count(nameof(LoadDocumentAsync), inner.LoadDocumentAsync(graph, cancellationToken));

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        Count(nameof(RemoveDocumentAsync), inner.RemoveDocumentAsync(documentId, cancellationToken));

    public Task ReplaceTaxonomyAsync(IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default) =>
        Count(nameof(ReplaceTaxonomyAsync), inner.ReplaceTaxonomyAsync(sectors, cancellationToken));

    public Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Count(nameof(GetNodesAsync), inner.GetNodesAsync(ids, cancellationToken));

    public Task<Page<GraphNode>> FindNodesAsync(NodeQuery query, CancellationToken cancellationToken = default) =>
        Count(nameof(FindNodesAsync), inner.FindNodesAsync(query, cancellationToken));

    public Task<IReadOnlyList<GraphEdge>> GetEdgesAsync(
        IReadOnlyCollection<string> nodeIds, EdgeType type, Direction direction, IReadOnlyCollection<string>? jurisdictionIds = null,
        CancellationToken cancellationToken = default) =>
        Count(nameof(GetEdgesAsync), inner.GetEdgesAsync(nodeIds, type, direction, jurisdictionIds, cancellationToken));

    public Task<Page<SearchHit>> SearchAsync(TextQuery query, CancellationToken cancellationToken = default) =>
        Count(nameof(SearchAsync), inner.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<Sector>> GetTaxonomyAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(GetTaxonomyAsync), inner.GetTaxonomyAsync(cancellationToken));

    public Task<IReadOnlyList<Sector>> GetSectorClosureAsync(string topic, CancellationToken cancellationToken = default) =>
        Count(nameof(GetSectorClosureAsync), inner.GetSectorClosureAsync(topic, cancellationToken));

    public Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default) =>
        Count(nameof(GetDocumentTextAsync), inner.GetDocumentTextAsync(documentId, cancellationToken));

    public Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(GetContentVersionAsync), inner.GetContentVersionAsync(cancellationToken));

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(IsReachableAsync), inner.IsReachableAsync(cancellationToken));
}
