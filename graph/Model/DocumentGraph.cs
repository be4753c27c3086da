namespace SafetyDuty.Graph.Model;

/// <summary>Everything one document contributes to the knowledge graph: the unit a store loads atomically.</summary>
/// <param name="Document">The document node.</param>
/// <param name="Text">The document's normalised text; every <see cref="Provenance"/> span indexes into it.</param>
/// <param name="Nodes">Jurisdictions, bodies, leaders, duties and laws the document yields, and the document's own sectors
/// (not reviewed, see <see cref="Sector.NamedBy"/>). Reviewed sectors come from the taxonomy and are not repeated here.</param>
/// <param name="Edges">LEAD, ASSIST, CITE, COVERS, MENTIONS and MEMBER_OF edges read from the document.</param>
public sealed record DocumentGraph(
    Document Document,
    string Text,
    IReadOnlyList<GraphNode> Nodes,
    IReadOnlyList<GraphEdge> Edges);

/// <summary>One page of results and the total count before paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
