using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Sqlite;

/// <summary>When a load is worth merging the embedded store's full-text index for (<see cref="SqliteGraphStore.CompactSearchIndexAsync"/>):
/// after many documents, or after the first documents of an empty store (the bundled seeds at the API's first start),
/// whose shared nodes (sectors, laws) each document rewrote and so left deletions for every search to step over.
/// Below that, FTS5's own merging keeps up. Neo4j keeps its own index.</summary>
public static class SearchIndexUpkeep
{
    /// <summary>Documents written in one run from which the index is merged.</summary>
    public const int BulkLoad = 10;

    /// <summary>Whether the store holds no document yet: a load into it is a first load, worth merging after.</summary>
    public static async Task<bool> HoldsNoDocumentAsync(this IGraphStore store, CancellationToken cancellationToken = default) =>
        (await store.FindNodesAsync(new NodeQuery(NodeLabel.Document, Take: 1), cancellationToken)).TotalCount == 0;

    public static Task CompactAfterLoadAsync(this IGraphStore store, int changedDocuments, bool intoEmptyStore, CancellationToken cancellationToken = default) =>
        store is SqliteGraphStore sqlite && changedDocuments > 0 && (changedDocuments >= BulkLoad || intoEmptyStore)
            ? sqlite.CompactSearchIndexAsync(cancellationToken)
            : Task.CompletedTask;
}
