using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>A sectors × places matrix: who leads and who assists each sector in each place.</summary>
public sealed record Comparison(IReadOnlyList<Jurisdiction> Jurisdictions, IReadOnlyList<ComparisonRow> Rows);

/// <summary>One sector and one cell per place, in the order the places were asked.</summary>
public sealed record ComparisonRow(Sector Sector, IReadOnlyList<ComparisonCell> Cells);

/// <summary>The bodies of one place that lead or assist one sector. A body that leads is not repeated as assisting.</summary>
public sealed record ComparisonCell(Jurisdiction Jurisdiction, IReadOnlyList<Body> Lead, IReadOnlyList<Body> Assist);

/// <summary>Builds the comparison matrix from LEAD and ASSIST relations.</summary>
public sealed class ComparisonQuery(IGraphStore store, AnswerCache cache)
{
    /// <param name="jurisdictions">The places, in the order their cells should appear.</param>
    /// <param name="sectors">The rows: the whole taxonomy, or one sector and its sub-sectors.</param>
    /// <param name="onlyCovered">Keep only the sectors that some duty of at least one of the places covers (or that
    /// a body there leads or assists on); for the whole taxonomy, where most rows would otherwise be empty.</param>
    public Task<Comparison> CompareAsync(
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Sector> sectors,
        bool onlyCovered = false,
        CancellationToken cancellationToken = default)
    {
        // Ids are length-prefixed, so no two questions share a key.
        var key = "compare/" + (onlyCovered ? "covered/" : "all/")
            + string.Concat(jurisdictions.Select(j => j.Id).Append("|").Concat(sectors.Select(s => s.Id)).Select(id => $"{id.Length}:{id}"));
        return cache.GetOrComputeAsync(key, () => ComputeAsync(jurisdictions, sectors, onlyCovered, cancellationToken), cancellationToken);
    }

    private async Task<Comparison> ComputeAsync(
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Sector> sectors,
        bool onlyCovered,
        CancellationToken cancellationToken)
    {
        // The caller looked the places and sectors up before the cache was consulted, perhaps before a write that
        // changed them; the answer is kept under the version read since, so it is built from their records now.
        var current = (await store.GetNodesAsync([.. jurisdictions.Select(j => j.Id), .. sectors.Select(s => s.Id)], cancellationToken))
            .ToDictionary(n => n.Id);
        jurisdictions = [.. jurisdictions.Select(j => current.GetValueOrDefault(j.Id) as Jurisdiction ?? j)];
        sectors = [.. sectors.Select(s => current.GetValueOrDefault(s.Id) as Sector ?? s)];
        var sectorIds = sectors.Select(s => s.Id).ToList();
        // Only the compared places' edges into the (shared) sectors.
        var placeIds = jurisdictions.Select(j => j.Id).ToHashSet();
        var leads = await store.GetEdgesAsync(sectorIds, EdgeType.Lead, Direction.Incoming, placeIds, cancellationToken);
        var assists = await store.GetEdgesAsync(sectorIds, EdgeType.Assist, Direction.Incoming, placeIds, cancellationToken);
        var bodies = (await store.GetNodesAsync(leads.Concat(assists).Select(e => e.FromId).ToHashSet(), cancellationToken))
            .OfType<Body>()
            .ToDictionary(b => b.Id);

        ILookup<(string Sector, string Jurisdiction), Body> ByCell(IEnumerable<GraphEdge> edges) => edges
            .Where(e => bodies.ContainsKey(e.FromId))
            .Select(e => (Key: (e.ToId, bodies[e.FromId].JurisdictionId), Body: bodies[e.FromId]))
            .DistinctBy(x => (x.Key, x.Body.Id))
            .OrderBy(x => x.Body.Source?.Start ?? int.MaxValue)
            .ThenBy(x => x.Body.Name, StringComparer.Ordinal)
            .ToLookup(x => x.Key, x => x.Body);

        var leadCells = ByCell(leads);
        var assistCells = ByCell(assists);
        HashSet<string>? covered = null;
        if (onlyCovered)
        {
            covered = leads.Concat(assists)
                .Where(e => bodies.TryGetValue(e.FromId, out var body) && placeIds.Contains(body.JurisdictionId))
                .Select(e => e.ToId)
                .ToHashSet();
            foreach (var placeId in placeIds)
            {
                var duties = await PlaceDuties.ReadAsync(store, placeId, cancellationToken);
                var covers = await store.GetEdgesAsync(duties.Keys, EdgeType.Covers, Direction.Outgoing, cancellationToken: cancellationToken);
                covered.UnionWith(covers.Select(e => e.ToId));
            }
        }
        var rows = sectors
            .Where(sector => covered is null || covered.Contains(sector.Id))
            .Select(sector => new ComparisonRow(
                sector,
                jurisdictions.Select(place =>
                {
                    var lead = leadCells[(sector.Id, place.Id)].ToList();
                    var assist = assistCells[(sector.Id, place.Id)].Where(b => !lead.Contains(b)).ToList();
                    return new ComparisonCell(place, lead, assist);
                }).ToList()))
            .ToList();
        return new Comparison(jurisdictions, rows);
    }
}
