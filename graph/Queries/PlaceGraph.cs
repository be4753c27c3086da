using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>One place's graph in memory, as one content version of the store holds it: its documents, bodies,
/// leaders and duties, and the roles of its bodies in every sector (<see cref="RoleModel"/>). A place is small (tens
/// of bodies, a few hundred duties), and nearly every question is about one place or is answered place by place, so
/// gaps, comparisons, responsibilities and a body's duties are answered from here rather than from the store's rows.
/// Read through the store's own contract (a few batched calls), so both stores give the same place.</summary>
public sealed class PlaceGraph
{
    private static readonly NodeLabel[] PlaceLabels = [NodeLabel.Document, NodeLabel.Body, NodeLabel.Leader, NodeLabel.Duty];

    private readonly Dictionary<string, GraphNode> _nodes;
    private readonly ILookup<string, Duty> _dutiesOfOwner;
    private readonly List<Body> _bodies;

    private PlaceGraph(Jurisdiction place, Dictionary<string, GraphNode> nodes, List<Body> bodies, RoleTable roles)
    {
        Place = place;
        _nodes = nodes;
        _bodies = bodies;
        Roles = roles;
        // A body's or a leader's duties as the document numbers them.
        _dutiesOfOwner = nodes.Values.OfType<Duty>()
            .OrderBy(d => d.DocumentId, StringComparer.Ordinal)
            .ThenBy(d => d.Source.Start)
            .ThenBy(d => d.Text, StringComparer.Ordinal)
            .ToLookup(d => d.OwnerId, StringComparer.Ordinal);
    }

    public Jurisdiction Place { get; }

    /// <summary>The roles of the place's bodies in every sector of the taxonomy.</summary>
    public RoleTable Roles { get; }

    /// <summary>The place's documents, bodies, leaders and duties.</summary>
    public IEnumerable<GraphNode> Nodes => _nodes.Values;

    /// <summary>A document, body, leader or duty of the place; null when the place holds no node with this id.</summary>
    public GraphNode? Node(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>The place's bodies as the store's <see cref="IGraphStore.FindNodesAsync"/> pages them, from memory:
    /// of one agency type, with a name that contains a text (ordinal, as the stores compare), in the store's order.</summary>
    public Page<Body> FindBodies(string? agencyType, string? nameContains, int skip, int take) =>
        PageOf(_bodies, agencyType, nameContains, skip, take);

    /// <summary>Bodies already in the store's order, filtered and paged as <see cref="IGraphStore.FindNodesAsync"/>
    /// pages them: of one agency type, with a name that contains a text (ordinal, as the stores compare). With neither
    /// filter the list is paged as it is, not copied.</summary>
    internal static Page<Body> PageOf(IReadOnlyList<Body> inOrder, string? agencyType, string? nameContains, int skip, int take)
    {
        IReadOnlyList<Body> matches = agencyType is null && string.IsNullOrEmpty(nameContains)
            ? inOrder
            : [.. inOrder.Where(b => (agencyType is null || b.AgencyType == agencyType)
                && (string.IsNullOrEmpty(nameContains) || b.Name.Contains(nameContains, StringComparison.Ordinal)))];
        return new Page<Body>([.. matches.Skip(Math.Max(0, skip)).Take(Math.Max(0, take))], matches.Count);
    }

    /// <summary>A body's or a leader's duties, in document order.</summary>
    public IReadOnlyList<Duty> DutiesOf(string ownerId) => [.. _dutiesOfOwner[ownerId]];

    /// <summary>Reads one place: its nodes by label, then its bodies' LEAD, ASSIST and COVERS edges into the sectors
    /// (only this place's edges, through the store's place filter), and decides the roles once.</summary>
    public static async Task<PlaceGraph> ReadAsync(
        IGraphStore store,
        Jurisdiction place,
        IReadOnlyList<Sector> taxonomy,
        CancellationToken cancellationToken = default)
    {
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var bodies = new List<Body>();
        foreach (var label in PlaceLabels)
        {
            foreach (var node in await store.FindAllNodesAsync(new NodeQuery(label, JurisdictionId: place.Id), cancellationToken))
            {
                nodes[node.Id] = node;
                if (node is Body body)
                {
                    bodies.Add(body);
                }
            }
        }

        var (leads, assists, covers) = await RoleModel.ReadEdgesAsync(store, [.. taxonomy.Select(s => s.Id)], [place.Id], cancellationToken);
        var roles = RoleModel.Decide(
            leads,
            assists,
            covers,
            nodes.Values.OfType<Duty>().ToDictionary(d => d.Id, StringComparer.Ordinal),
            nodes.Values.OfType<Body>().ToDictionary(b => b.Id, StringComparer.Ordinal),
            taxonomy.ToDictionary(s => s.Id, StringComparer.Ordinal));
        return new PlaceGraph(place, nodes, bodies, roles);
    }
}
