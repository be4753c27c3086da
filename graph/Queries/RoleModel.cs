using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>One body's role in one sector, with why: the ways the document states it and the duties that say so.</summary>
/// <param name="Evidence">Ids of the duties behind the role: those that state it (LEAD/ASSIST), or the body's own
/// duties that concern the sector (DUTY).</param>
public sealed record SectorRole(string BodyId, string SectorId, Role Role, IReadOnlyList<RoleBasis> Basis, IReadOnlyList<string> Evidence);

/// <summary>The one meaning of lead and assist (牵头/配合) that every answer uses — responsibilities, Body.leads and
/// Body.assists, compare, gaps and the graph view — so that no two of them can disagree.
/// Per (body, sector), only that sector's evidence decides:
/// LEAD where the document names the body lead for it (a 主责/牵头 column, a 责任单位/牵头单位 tag or heading line, a
/// verb of supervision over the sector: the reader's LEAD edges); else ASSIST where it names the body as assisting
/// (配合/协助… clauses, a 配合 column with its scope, 配合单位 tags: ASSIST edges); else DUTY where only the body's own
/// duty concerns the sector (负有相关职责: 依法打击非法燃气经营, 负责剧毒化学品购买许可). A body both led and assisting
/// on one sector leads it. The rule lives above the store contract, so both stores answer alike.</summary>
public sealed class RoleModel(IGraphStore store)
{
    /// <summary>The roles of every body of the given places (null: every place) in the given sectors, with the
    /// duties and bodies they name, read straight from the store in a bounded number of calls. Questions read roles
    /// from the read model (<see cref="PlaceGraph"/>); this is the store's own answer it is checked against, and a way
    /// to ask a store without one.</summary>
    public async Task<RoleTable> ReadAsync(
        IReadOnlyCollection<string> sectorIds,
        IReadOnlyCollection<string>? jurisdictionIds,
        CancellationToken cancellationToken = default)
    {
        var (leads, assists, covers) = await ReadEdgesAsync(store, sectorIds, jurisdictionIds, cancellationToken);
        var dutyIds = covers.Select(e => e.FromId).Concat(leads.Concat(assists).SelectMany(e => e.Evidence)).ToHashSet();
        var duties = (await store.GetNodesAsync(dutyIds, cancellationToken)).OfType<Duty>().ToDictionary(d => d.Id);
        var bodyIds = leads.Concat(assists).Select(e => e.FromId).Concat(covers.Select(e => duties.GetValueOrDefault(e.FromId)?.OwnerId).OfType<string>()).ToHashSet();
        var bodies = (await store.GetNodesAsync(bodyIds, cancellationToken)).OfType<Body>().ToDictionary(b => b.Id);
        var sectors = (await store.GetNodesAsync(sectorIds, cancellationToken)).OfType<Sector>().ToDictionary(s => s.Id);
        return Decide(leads, assists, covers, duties, bodies, sectors);
    }

    /// <summary>The edges the rule reads: LEAD, ASSIST and COVERS into the sectors, of the given places only (null:
    /// every place).</summary>
    public static async Task<(IReadOnlyList<GraphEdge> Leads, IReadOnlyList<GraphEdge> Assists, IReadOnlyList<GraphEdge> Covers)> ReadEdgesAsync(
        IGraphStore store,
        IReadOnlyCollection<string> sectorIds,
        IReadOnlyCollection<string>? jurisdictionIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var leads = await store.GetEdgesAsync(sectorIds, EdgeType.Lead, Direction.Incoming, jurisdictionIds, cancellationToken);
        var assists = await store.GetEdgesAsync(sectorIds, EdgeType.Assist, Direction.Incoming, jurisdictionIds, cancellationToken);
        var covers = await store.GetEdgesAsync(sectorIds, EdgeType.Covers, Direction.Incoming, jurisdictionIds, cancellationToken);
        return (leads, assists, covers);
    }

    /// <summary>The rule itself, over edges already read: one role per (body, sector).</summary>
    public static RoleTable Decide(
        IEnumerable<GraphEdge> leads,
        IEnumerable<GraphEdge> assists,
        IEnumerable<GraphEdge> covers,
        IReadOnlyDictionary<string, Duty> duties,
        IReadOnlyDictionary<string, Body> bodies,
        IReadOnlyDictionary<string, Sector> sectors)
    {
        var stated = new Dictionary<(string Body, string Sector), (Role Role, List<RoleBasis> Basis, HashSet<string> Evidence)>();
        foreach (var (edges, role) in new[] { (leads, Role.Lead), (assists, Role.Assist) })
        {
            foreach (var edge in edges.Where(e => bodies.ContainsKey(e.FromId)))
            {
                // Evidence outside the places read (or gone) proves nothing here.
                var evidence = edge.Evidence.Where(duties.ContainsKey).ToList();
                if (evidence.Count == 0)
                {
                    continue;
                }
                var key = (edge.FromId, edge.ToId);
                if (stated.TryGetValue(key, out var known) && known.Role < role)
                {
                    continue;
                }
                if (!stated.TryGetValue(key, out known) || known.Role != role)
                {
                    stated[key] = known = (role, [], []);
                }
                known.Evidence.UnionWith(evidence);
                // Edges stored before the basis was kept were all made by the reader's verbs or stated roles; read as verbs.
                var basis = edge.Basis.Count > 0
                    ? edge.Basis.Where(b => duties.ContainsKey(b.DutyId))
                    : evidence.Select(id => new RoleBasis(id, RoleBasisKind.Verb, ""));
                known.Basis.AddRange(basis.Where(b => !known.Basis.Contains(b)));
            }
        }

        var roles = stated.ToDictionary(
            p => p.Key,
            p => new SectorRole(p.Key.Body, p.Key.Sector, p.Value.Role, p.Value.Basis, OrderedIds(p.Value.Evidence, duties)));
        foreach (var group in covers
            .Where(e => duties.TryGetValue(e.FromId, out var d) && bodies.ContainsKey(d.OwnerId))
            .GroupBy(e => (Body: duties[e.FromId].OwnerId, Sector: e.ToId)))
        {
            if (roles.ContainsKey(group.Key))
            {
                continue;
            }
            var own = OrderedIds(group.Select(e => e.FromId), duties);
            var sector = sectors.GetValueOrDefault(group.Key.Sector);
            roles[group.Key] = new SectorRole(group.Key.Body, group.Key.Sector, Role.Duty,
                [.. own.Select(id => new RoleBasis(id, RoleBasisKind.OwnDuty, ClauseNaming(duties[id].Text, sector)))], own);
        }
        return new RoleTable(roles, duties, bodies, covers.ToLookup(e => e.FromId, e => e.ToId));
    }

    // The clause of a duty that names the sector (by its name or a synonym), quoted as the basis of a DUTY role;
    // the duty's start when the words are a sub-sector's or were matched otherwise.
    private static string ClauseNaming(string text, Sector? sector)
    {
        var at = -1;
        foreach (var name in sector is null ? [] : sector.Aliases.Prepend(sector.Name))
        {
            var found = text.IndexOf(name, StringComparison.Ordinal);
            if (found >= 0 && (at < 0 || found < at))
            {
                at = found;
            }
        }
        if (at < 0)
        {
            at = 0;
        }
        char[] ends = ['，', '。', '；', ';', ',', '\n'];
        var start = text.LastIndexOfAny(ends, Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(ends, at);
        var clause = text[start..(end < 0 ? text.Length : end)].Trim();
        return clause.Length <= 80 ? clause : clause[..80] + "…";
    }

    private static List<string> OrderedIds(IEnumerable<string> dutyIds, IReadOnlyDictionary<string, Duty> duties) => dutyIds
        .Distinct()
        .Select(id => duties[id])
        .OrderBy(d => d.DocumentId, StringComparer.Ordinal)
        .ThenBy(d => d.Source.Start)
        .ThenBy(d => d.Order)
        .Select(d => d.Id)
        .ToList();
}

/// <summary>One sector a body leads or assists (<paramref name="Role"/>), and the other bodies of its place that lead
/// or assist it.</summary>
public sealed record SectorShare(Sector Sector, Role Role, IReadOnlyList<Body> Lead, IReadOnlyList<Body> Assist);

/// <summary>The roles read for a set of sectors and places, with the duties and bodies they name.</summary>
public sealed class RoleTable
{
    private readonly IReadOnlyDictionary<(string Body, string Sector), SectorRole> _roles;
    private readonly ILookup<string, SectorRole> _bySector;
    private readonly ILookup<string, SectorRole> _byBody;
    private readonly HashSet<string> _groups;
    private readonly Dictionary<string, SectorBodies> _bodiesBySector;

    public RoleTable(
        IReadOnlyDictionary<(string Body, string Sector), SectorRole> roles,
        IReadOnlyDictionary<string, Duty> duties,
        IReadOnlyDictionary<string, Body> bodies,
        ILookup<string, string> sectorsOfDuty)
    {
        _roles = roles;
        Duties = duties;
        Bodies = bodies;
        SectorsOfDuty = sectorsOfDuty;
        _groups = bodies.Values.Where(BodyGroups.IsGroup).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        // Each sector's roles in the order its bodies are listed (departments before groups, then as the document
        // introduces them), sorted once here rather than for every question about the sector.
        _bySector = roles.Values
            .OrderBy(r => _groups.Contains(r.BodyId))
            .ThenBy(r => bodies[r.BodyId].Source?.Start ?? int.MaxValue)
            .ThenBy(r => bodies[r.BodyId].Name, StringComparer.Ordinal)
            .ThenBy(r => r.BodyId, StringComparer.Ordinal)
            .ToLookup(r => r.SectorId, StringComparer.Ordinal);
        _byBody = roles.Values.ToLookup(r => r.BodyId, StringComparer.Ordinal);
        // Who leads, assists and is concerned in each sector, listed once here: every comparison cell and gap of the
        // place reads them, and a place is compared and checked sector by sector, over the whole taxonomy.
        _bodiesBySector = _bySector.ToDictionary(
            sector => sector.Key,
            sector => new SectorBodies(
                BodiesWith(sector, Role.Lead),
                BodiesWith(sector, Role.Assist),
                BodiesWith(sector, Role.Duty),
                sector.Count(r => r.Role == Role.Lead && !_groups.Contains(r.BodyId))),
            StringComparer.Ordinal);
    }

    private Body[] BodiesWith(IEnumerable<SectorRole> roles, Role role) => [.. roles.Where(r => r.Role == role).Select(r => Bodies[r.BodyId])];

    // One sector's bodies by role, in the sector's order, how many departments (not groups) lead it, and the duties
    // behind its roles once gathered.
    private sealed class SectorBodies(Body[] lead, Body[] assist, Body[] concerned, int departmentLeads)
    {
        public int DepartmentLeads { get; } = departmentLeads;

        public IReadOnlyList<Duty>? Evidence { get; set; }

        public IReadOnlyList<Duty>? LeadEvidence { get; set; }

        public Body[] Of(Role role) => role switch
        {
            Role.Lead => lead,
            Role.Assist => assist,
            _ => concerned,
        };
    }

    /// <summary>The sectors read (of those asked) that a duty covers (COVERS).</summary>
    public ILookup<string, string> SectorsOfDuty { get; }

    public IEnumerable<SectorRole> Roles => _roles.Values;

    public IReadOnlyDictionary<string, Duty> Duties { get; }

    public IReadOnlyDictionary<string, Body> Bodies { get; }

    public SectorRole? Of(string bodyId, string sectorId) => _roles.GetValueOrDefault((bodyId, sectorId));

    /// <summary>Every body's role in one sector, departments first, in the order the document introduces them.</summary>
    public IEnumerable<SectorRole> InSector(string sectorId) => _bySector[sectorId];

    /// <summary>Whether any body has a role in the sector.</summary>
    public bool Reads(string sectorId) => _bySector.Contains(sectorId);

    /// <summary>Whether the body is a group (各部门, 政府), never counted as a department (<see cref="BodyGroups"/>).</summary>
    public bool IsGroup(string bodyId) => _groups.Contains(bodyId);

    /// <summary>One body's roles, in every sector read.</summary>
    public IEnumerable<SectorRole> OfBody(string bodyId) => _byBody[bodyId];

    /// <summary>The duties behind every role in the sector (<paramref name="leadsOnly"/>: behind its leads), in
    /// document order, each clause once though several bodies or rows repeat it (消防救援机构：负责监督指导消防安全管理).
    /// Gathered once for the place read.</summary>
    public IReadOnlyList<Duty> EvidenceIn(string sectorId, bool leadsOnly = false)
    {
        if (!_bodiesBySector.TryGetValue(sectorId, out var bodies))
        {
            return [];
        }
        // Two readers at once may both gather it, to the same list.
        return leadsOnly
            ? bodies.LeadEvidence ??= Gather(InSector(sectorId).Where(r => r.Role == Role.Lead))
            : bodies.Evidence ??= Gather(InSector(sectorId));

        IReadOnlyList<Duty> Gather(IEnumerable<SectorRole> roles) => roles
            .SelectMany(r => r.Evidence)
            .Distinct()
            .Select(id => Duties[id])
            .OrderBy(d => d.DocumentId, StringComparer.Ordinal)
            .ThenBy(d => d.Source.Start)
            .DistinctBy(d => d.Text)
            .ToList();
    }

    /// <summary>How many departments (not groups) lead the sector.</summary>
    public int DepartmentLeads(string sectorId) => _bodiesBySector.TryGetValue(sectorId, out var bodies) ? bodies.DepartmentLeads : 0;

    /// <summary>What the body shares with others (与谁共同负责): each sector it leads or assists, in the order of
    /// <paramref name="taxonomy"/>, with the other bodies of its place that lead or assist that sector.</summary>
    public IReadOnlyList<SectorShare> SharesOf(Body body, IReadOnlyList<Sector> taxonomy)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var roles = OfBody(body.Id).Where(r => r.Role is Role.Lead or Role.Assist).ToDictionary(r => r.SectorId, r => r.Role, StringComparer.Ordinal);
        var shares = new List<SectorShare>(roles.Count);
        foreach (var sector in taxonomy)
        {
            if (roles.TryGetValue(sector.Id, out var role))
            {
                shares.Add(new SectorShare(sector, role, Others(sector, Role.Lead), Others(sector, Role.Assist)));
            }
        }
        return shares;

        Body[] Others(Sector sector, Role role) => [.. BodiesIn(sector.Id, body.JurisdictionId, role).Where(b => b.Id != body.Id)];
    }

    /// <summary>The bodies of one place with a role in one sector, in the order the document introduces them.</summary>
    public IReadOnlyList<Body> BodiesIn(string sectorId, string jurisdictionId, Role role)
    {
        if (!_bodiesBySector.TryGetValue(sectorId, out var bodies))
        {
            return [];
        }
        var inSector = bodies.Of(role);
        // A place's own table holds only its bodies: the list as it is. A table of several places is filtered.
        return Array.TrueForAll(inSector, b => b.JurisdictionId == jurisdictionId)
            ? inSector
            : [.. inSector.Where(b => b.JurisdictionId == jurisdictionId)];
    }
}

/// <summary>Which bodies are groups rather than departments: the owner of 共同职责 (各部门), a classification, or a
/// name that stands for many or for nobody in particular (政府, 企业, 党委, 其他部门（单位）, 各乡镇街道). They keep their
/// duties and roles, but never rank or count as a department.</summary>
public static class BodyGroups
{
    private static readonly string[] GenericNames = ["政府", "人民政府", "党委", "企业", "单位", "部门", "生产经营单位", "有关部门", "相关部门"];
    private static readonly string[] GenericHeads = ["各", "其他", "有关", "相关"];

    public static bool IsGroup(Body body)
    {
        if (body.Kind == BodyKind.Group)
        {
            return true;
        }
        var name = body.Name;
        var bracket = name.IndexOfAny(['（', '(']);
        if (bracket > 0)
        {
            name = name[..bracket];
        }
        return GenericNames.Contains(name) || GenericHeads.Any(h => name.StartsWith(h, StringComparison.Ordinal));
    }
}
