using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>What is wrong with a sector's coverage in a place.</summary>
public enum CoverageProblem
{
    /// <summary>Some duty covers the sector but no body leads it (监管空白).</summary>
    NoLead,
    /// <summary>More than one body leads the sector (职能交叉).</summary>
    MultipleLeads,
}

/// <summary>A sector with a coverage problem in one place, with the bodies and the duties behind it.</summary>
public sealed record SectorCoverage(
    Sector Sector,
    IReadOnlyList<Body> Lead,
    IReadOnlyList<Body> Assist,
    CoverageProblem Problem,
    IReadOnlyList<Duty> Evidence);

/// <summary>Finds the sectors of a place that nobody leads, or that several bodies lead.</summary>
public sealed class GapQuery(IGraphStore store, AnswerCache cache)
{
    public Task<IReadOnlyList<SectorCoverage>> FindAsync(string jurisdictionId, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync("gaps/" + jurisdictionId, () => ComputeAsync(jurisdictionId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<SectorCoverage>> ComputeAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var duties = await PlaceDuties.ReadAsync(store, jurisdictionId, cancellationToken);
        if (duties.Count == 0)
        {
            return [];
        }

        var covers = await store.GetEdgesAsync(duties.Keys, EdgeType.Covers, Direction.Outgoing, cancellationToken: cancellationToken);
        var taxonomy = await store.GetTaxonomyAsync(cancellationToken);
        var sectors = taxonomy.ToDictionary(s => s.Id);
        var coveredIds = covers.Select(e => e.ToId).Where(sectors.ContainsKey).ToHashSet();
        var sectorIds = sectors.Keys.ToList();
        // Only this place's edges into the sectors: the sectors are shared by every place.
        string[] place = [jurisdictionId];
        var leads = await store.GetEdgesAsync(sectorIds, EdgeType.Lead, Direction.Incoming, place, cancellationToken);
        var assists = await store.GetEdgesAsync(sectorIds, EdgeType.Assist, Direction.Incoming, place, cancellationToken);
        var bodies = (await store.GetNodesAsync(leads.Concat(assists).Select(e => e.FromId).ToHashSet(), cancellationToken))
            .OfType<Body>()
            .Where(b => b.JurisdictionId == jurisdictionId)
            .ToDictionary(b => b.Id);

        Dictionary<string, List<GraphEdge>> BySector(IEnumerable<GraphEdge> edges) => edges
            .Where(e => bodies.ContainsKey(e.FromId))
            .GroupBy(e => e.ToId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(e => e.FromId).ToList());
        var leadsBySector = BySector(leads);
        var assistsBySector = BySector(assists);

        // A body that leads a parent sector (燃气) leads its sub-sectors (瓶装燃气) too: that is no gap.
        bool LedFromAbove(Sector sector)
        {
            for (var parentId = sector.ParentId; parentId is not null && sectors.TryGetValue(parentId, out var parent); parentId = parent.ParentId)
            {
                if (leadsBySector.ContainsKey(parent.Id))
                {
                    return true;
                }
            }
            return false;
        }

        var coverage = new List<SectorCoverage>();
        foreach (var sector in taxonomy)
        {
            var lead = leadsBySector.GetValueOrDefault(sector.Id) ?? [];
            var assist = assistsBySector.GetValueOrDefault(sector.Id) ?? [];
            CoverageProblem? problem = lead.Count switch
            {
                0 when coveredIds.Contains(sector.Id) && !LedFromAbove(sector) => CoverageProblem.NoLead,
                > 1 => CoverageProblem.MultipleLeads,
                _ => null,
            };
            if (problem is null)
            {
                continue;
            }
            var evidenceIds = problem == CoverageProblem.NoLead
                ? covers.Where(e => e.ToId == sector.Id).Select(e => e.FromId)
                : lead.SelectMany(e => e.Evidence);
            var evidence = evidenceIds
                .Distinct()
                .Where(duties.ContainsKey)
                .Select(id => duties[id])
                .OrderBy(d => d.DocumentId, StringComparer.Ordinal)
                .ThenBy(d => d.Source.Start)
                .ToList();
            var leadBodies = lead.Select(e => bodies[e.FromId]).ToList();
            var assistBodies = assist.Select(e => bodies[e.FromId]).Where(b => !leadBodies.Contains(b)).ToList();
            coverage.Add(new SectorCoverage(sector, leadBodies, assistBodies, problem.Value, evidence));
        }
        return coverage;
    }
}
