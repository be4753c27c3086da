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
public sealed class ComparisonQuery(IGraphStore store)
{
    /// <param name="jurisdictions">The places, in the order their cells should appear.</param>
    /// <param name="sectors">The rows: the whole taxonomy, or one sector and its sub-sectors.</param>
    public async Task<Comparison> CompareAsync(
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Sector> sectors,
        CancellationToken cancellationToken = default)
    {
        var sectorIds = sectors.Select(s => s.Id).ToList();
        var leads = await store.GetEdgesAsync(sectorIds, EdgeType.Lead, Direction.Incoming, cancellationToken);
        var assists = await store.GetEdgesAsync(sectorIds, EdgeType.Assist, Direction.Incoming, cancellationToken);
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
        var rows = sectors
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
