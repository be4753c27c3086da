using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>A sectors × places matrix: who leads and who assists each sector in each place.</summary>
public sealed record Comparison(IReadOnlyList<Jurisdiction> Jurisdictions, IReadOnlyList<ComparisonRow> Rows);

/// <summary>One sector and one cell per place, in the order the places were asked.</summary>
public sealed record ComparisonRow(Sector Sector, IReadOnlyList<ComparisonCell> Cells)
{
    /// <summary>The places that say something about the sector split it differently: their leads are of different
    /// agency types (市体育局 and 区教体局 are one function), or one names a lead and another none. A place with no
    /// reading of the sector differs from nobody.</summary>
    public bool Differs { get; init; }
}

/// <summary>The bodies of one place that lead or assist one sector (RoleModel). A body that leads is not repeated as
/// assisting.</summary>
public sealed record ComparisonCell(Jurisdiction Jurisdiction, IReadOnlyList<Body> Lead, IReadOnlyList<Body> Assist)
{
    /// <summary>Bodies with a duty about the sector that the document makes neither lead nor assist.</summary>
    public IReadOnlyList<Body> Concerned { get; init; } = [];

    private readonly Func<IReadOnlyList<Duty>>? _gatherEvidence;
    private IReadOnlyList<Duty>? _evidence;

    /// <summary>The duties behind the cell's leads and assists, in document order, each clause once; gathered when
    /// first asked (the page's overview of a place, every sector of it, does not show them). Two readers at once
    /// may both gather them, to the same list.</summary>
    public IReadOnlyList<Duty> Evidence => _evidence ??= _gatherEvidence?.Invoke() ?? [];

    /// <summary>How to gather <see cref="Evidence"/>.</summary>
    public Func<IReadOnlyList<Duty>> GatherEvidence { init => _gatherEvidence = value; }

    /// <summary>False when nothing the place's documents say concerns the sector (no reading), as opposed to a
    /// reading with another lead or with none.</summary>
    public bool HasReading => Lead.Count + Assist.Count + Concerned.Count > 0;

    /// <summary>What the cell's leads are, compared across places: their agency types (a name where the type is
    /// unknown), groups left out.</summary>
    public IReadOnlySet<string> LeadFunctions => Lead.Where(b => !BodyGroups.IsGroup(b)).Select(b => b.AgencyType ?? b.Name).ToHashSet();
}

/// <summary>Builds the comparison matrix from the role model.</summary>
public sealed class ComparisonQuery(AnswerCache cache)
{
    /// <param name="snapshot">The content version to answer from (<see cref="ReadModel.CurrentAsync"/>).</param>
    /// <param name="jurisdictions">The places, in the order their cells should appear.</param>
    /// <param name="sectors">The rows: the whole taxonomy, or one sector and its sub-sectors.</param>
    /// <param name="onlyCovered">Keep only the sectors that some duty of at least one of the places covers (or that
    /// a body there leads or assists on); for the whole taxonomy, where most rows would otherwise be empty.</param>
    public Task<Comparison> CompareAsync(
        ReadModel.Snapshot snapshot,
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Sector> sectors,
        bool onlyCovered = false,
        CancellationToken cancellationToken = default)
    {
        // Ids are length-prefixed, so no two questions share a key.
        string Key() => "compare/" + (onlyCovered ? "covered/" : "all/")
            + string.Concat(jurisdictions.Select(j => j.Id).Append("|").Concat(sectors.Select(s => s.Id)).Select(id => $"{id.Length}:{id}"));
        return cache.GetOrComputeAsync(snapshot.Version, Key, () => ComputeAsync(snapshot, jurisdictions, sectors, onlyCovered, cancellationToken));
    }

    private static async Task<Comparison> ComputeAsync(
        ReadModel.Snapshot snapshot,
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Sector> sectors,
        bool onlyCovered,
        CancellationToken cancellationToken)
    {
        // The caller may have looked the places and sectors up elsewhere, perhaps before a write that changed them;
        // the answer is kept under the snapshot's version, so it is built from that version's records.
        jurisdictions = [.. jurisdictions.Select(j => snapshot.PlaceById(j.Id) ?? j)];
        sectors = [.. sectors.Select(s => snapshot.Sector(s.Id) ?? s)];
        var tables = new Dictionary<string, RoleTable>(StringComparer.Ordinal);
        foreach (var place in jurisdictions.Where(j => snapshot.PlaceById(j.Id) is not null).DistinctBy(j => j.Id))
        {
            tables[place.Id] = (await snapshot.PlaceGraphAsync(place, cancellationToken)).Roles;
        }

        var rows = new List<ComparisonRow>();
        foreach (var sector in sectors)
        {
            // Most sectors of the taxonomy are not read in a given place: nothing to gather for them.
            if (onlyCovered && !ReadInAny(tables, sector.Id))
            {
                continue;
            }
            var cells = new List<ComparisonCell>(jurisdictions.Count);
            foreach (var place in jurisdictions)
            {
                cells.Add(tables.TryGetValue(place.Id, out var table) && table.Reads(sector.Id)
                    ? Cell(table, sector, place)
                    : new ComparisonCell(place, [], []));
            }
            if (onlyCovered && !cells.Exists(c => c.HasReading))
            {
                continue;
            }
            var read = cells.Where(c => c.HasReading).ToList();
            var differs = read.Count > 1 && read.Skip(1).Any(c => !c.LeadFunctions.SetEquals(read[0].LeadFunctions));
            rows.Add(new ComparisonRow(sector, cells) { Differs = differs });
        }
        return new Comparison(jurisdictions, rows);
    }

    private static bool ReadInAny(Dictionary<string, RoleTable> tables, string sectorId)
    {
        foreach (var table in tables.Values)
        {
            if (table.Reads(sectorId))
            {
                return true;
            }
        }
        return false;
    }

    private static ComparisonCell Cell(RoleTable table, Sector sector, Jurisdiction place)
    {
        var lead = table.BodiesIn(sector.Id, place.Id, Role.Lead);
        var assist = table.BodiesIn(sector.Id, place.Id, Role.Assist);
        IReadOnlyList<Duty> Evidence() => lead.Concat(assist)
            .SelectMany(b => table.Of(b.Id, sector.Id)!.Evidence)
            .Distinct()
            .Select(id => table.Duties[id])
            .OrderBy(d => d.Source.Start)
            .DistinctBy(d => d.Text)
            .ToList();
        return new ComparisonCell(place, lead, assist) { Concerned = table.BodiesIn(sector.Id, place.Id, Role.Duty), GatherEvidence = Evidence };
    }
}
