using SafetyDuty.Graph.Model;

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
/// <param name="Lead">The bodies that lead it (RoleModel), groups last.</param>
/// <param name="Assist">The bodies that assist on it.</param>
/// <param name="Evidence">For a gap, the duties that concern the sector; for an overlap, the duties that make the
/// leads. Each clause once, though several bodies or rows repeat it.</param>
public sealed record SectorCoverage(
    Sector Sector,
    IReadOnlyList<Body> Lead,
    IReadOnlyList<Body> Assist,
    CoverageProblem Problem,
    IReadOnlyList<Duty> Evidence)
{
    /// <summary>The bodies with a duty about it that the document makes neither lead nor assist (负有相关职责).</summary>
    public IReadOnlyList<Body> Concerned { get; init; } = [];
}

/// <summary>Finds the sectors of a place that nobody leads, or that several bodies lead, by the one role model. A
/// group (各部门, 政府) never counts as the lead that closes a gap, nor as a second lead.</summary>
public sealed class GapQuery(AnswerCache cache)
{
    /// <param name="snapshot">The content version to answer from (<see cref="ReadModel.CurrentAsync"/>).</param>
    public Task<IReadOnlyList<SectorCoverage>> FindAsync(ReadModel.Snapshot snapshot, string jurisdictionId, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(snapshot.Version, () => "gaps/" + jurisdictionId, () => ComputeAsync(snapshot, jurisdictionId, cancellationToken));

    private static async Task<IReadOnlyList<SectorCoverage>> ComputeAsync(ReadModel.Snapshot snapshot, string jurisdictionId, CancellationToken cancellationToken)
    {
        if (snapshot.PlaceById(jurisdictionId) is not { } place)
        {
            return [];
        }
        var table = (await snapshot.PlaceGraphAsync(place, cancellationToken)).Roles;

        bool LedByDepartment(string sectorId) => table.DepartmentLeads(sectorId) > 0;

        // A body that leads a parent sector (燃气) leads its sub-sectors (瓶装燃气) too: that is no gap.
        bool LedFromAbove(Sector sector)
        {
            for (var parentId = sector.ParentId; parentId is not null && snapshot.Sector(parentId) is { } parent; parentId = parent.ParentId)
            {
                if (LedByDepartment(parent.Id))
                {
                    return true;
                }
            }
            return false;
        }

        var coverage = new List<SectorCoverage>();
        foreach (var sector in snapshot.Taxonomy)
        {
            if (!table.Reads(sector.Id))
            {
                continue;
            }
            CoverageProblem? problem = table.DepartmentLeads(sector.Id) switch
            {
                0 when !LedFromAbove(sector) => CoverageProblem.NoLead,
                > 1 => CoverageProblem.MultipleLeads,
                _ => null,
            };
            if (problem is null)
            {
                continue;
            }
            var evidence = table.EvidenceIn(sector.Id, leadsOnly: problem == CoverageProblem.MultipleLeads);
            coverage.Add(new SectorCoverage(
                sector,
                table.BodiesIn(sector.Id, jurisdictionId, Role.Lead),
                table.BodiesIn(sector.Id, jurisdictionId, Role.Assist),
                problem.Value,
                evidence)
            {
                Concerned = table.BodiesIn(sector.Id, jurisdictionId, Role.Duty),
            });
        }
        return coverage;
    }
}
