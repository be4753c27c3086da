using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>Every duty of one place, read in pages so that each store call stays bounded (a place has hundreds of
/// duties, not millions).</summary>
internal static class PlaceDuties
{
    private const int PageSize = 1000;

    public static async Task<Dictionary<string, Duty>> ReadAsync(IGraphStore store, string jurisdictionId, CancellationToken cancellationToken)
    {
        var duties = new Dictionary<string, Duty>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await store.FindNodesAsync(
                new NodeQuery(NodeLabel.Duty, JurisdictionId: jurisdictionId, Skip: skip, Take: PageSize),
                cancellationToken);
            foreach (var duty in page.Items.OfType<Duty>())
            {
                duties[duty.Id] = duty;
            }
            if (page.Items.Count < PageSize || skip + PageSize >= page.TotalCount)
            {
                return duties;
            }
        }
    }
}
