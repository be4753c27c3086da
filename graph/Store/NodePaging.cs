using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

/// <summary>Every node a <see cref="NodeQuery"/> matches, read page by page so that each store call stays bounded
/// however many there are (a thousand places; a large place's duties).</summary>
public static class NodePaging
{
    private const int PageSize = 1000;

    /// <summary>All matches of <paramref name="query"/> (its Skip and Take are ignored), in the store's order.</summary>
    public static async Task<List<GraphNode>> FindAllNodesAsync(this IGraphStore store, NodeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var nodes = new List<GraphNode>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await store.FindNodesAsync(query with { Skip = skip, Take = PageSize }, cancellationToken);
            nodes.AddRange(page.Items);
            if (page.Items.Count < PageSize || skip + PageSize >= page.TotalCount)
            {
                return nodes;
            }
        }
    }
}
