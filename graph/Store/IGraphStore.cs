using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

/// <summary>The knowledge graph's storage: one contract for the embedded SQLite store and for Neo4j.
/// Writes are whole documents, atomic and idempotent; reads are batched graph operations so that one API request
/// makes a bounded number of calls whatever the size of its result.</summary>
public interface IGraphStore
{
    /// <summary>Creates or migrates the schema, constraints and indexes. Safe to call more than once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Loads a document's subgraph as one unit. Loading the same content again changes nothing; loading a
    /// new version of the same document (same document id) replaces exactly what the old version
    /// contributed. Readers see the old version or the new one, never a mix.</summary>
    Task<LoadOutcome> LoadDocumentAsync(DocumentGraph graph, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and everything only it contributed. Returns false when it was not loaded.</summary>
    Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the sector taxonomy (reviewed vocabulary, not read from documents).</summary>
    Task ReplaceTaxonomyAsync(IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default);

    /// <summary>Nodes by id, in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Nodes of one label with filters, ordered by display name then id, paged.</summary>
    Task<Page<GraphNode>> FindNodesAsync(NodeQuery query, CancellationToken cancellationToken = default);

    /// <summary>The edges of one type leaving (or entering) any of the given nodes, with their evidence.
    /// Structural types (IN, HAS_DUTY, HOSTED_BY, PARENT) are answered from the nodes' links. With
    /// <paramref name="jurisdictionIds"/>, only the edges of those places: read from their documents, or (structural)
    /// held by their nodes. A question about one place then reads that place's edges into a shared node (a sector,
    /// a law), not every place's.</summary>
    Task<IReadOnlyList<GraphEdge>> GetEdgesAsync(
        IReadOnlyCollection<string> nodeIds,
        EdgeType type,
        Direction direction,
        IReadOnlyCollection<string>? jurisdictionIds = null,
        CancellationToken cancellationToken = default);

    /// <summary>Chinese full text over duty texts and node names; finds two-character terms (燃气, 餐饮, 消防).
    /// In one place, best matches first. Everywhere, place by place (each place's matches together, in an order of
    /// places that is the store's own but stable), best matches first within each place: a page then costs what it
    /// shows, not what every match in the country costs.</summary>
    Task<Page<SearchHit>> SearchAsync(TextQuery query, CancellationToken cancellationToken = default);

    /// <summary>The whole sector taxonomy.</summary>
    Task<IReadOnlyList<Sector>> GetTaxonomyAsync(CancellationToken cancellationToken = default);

    /// <summary>The sector closure of a topic: the sectors whose name or synonym is the topic, and all their
    /// descendants. Empty when the topic names no sector.</summary>
    Task<IReadOnlyList<Sector>> GetSectorClosureAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>A document's normalised text, for quoting a clause in context; null when not loaded.</summary>
    Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever what the store holds changes (a document loaded, replaced or removed,
    /// the taxonomy replaced), inside the same transaction as the change, and stays the same otherwise (an Unchanged
    /// load). Answers computed from the store may be cached under it; only equality is meaningful.</summary>
    Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the store answers.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a load did.</summary>
public enum LoadOutcome
{
    Inserted,
    Replaced,
    Unchanged,
}

/// <summary>A label with optional filters. <paramref name="NameContains"/> matches the display name by substring.</summary>
public sealed record NodeQuery(
    NodeLabel Label,
    string? JurisdictionId = null,
    string? AgencyType = null,
    string? NameContains = null,
    int Skip = 0,
    int Take = 50);

/// <summary>A full-text query, optionally restricted to one label and one jurisdiction. Every term is required;
/// a term matches through any of its forms (<see cref="SearchTerms"/>). <paramref name="Terms"/>, when given, are
/// the text's terms with more forms (synonyms); otherwise the text's own words and phrases.</summary>
public sealed record TextQuery(
    string Text,
    NodeLabel? Label = null,
    string? JurisdictionId = null,
    int Skip = 0,
    int Take = 50,
    IReadOnlyList<SearchTerm>? Terms = null)
{
    /// <summary>The terms a store must find, all of them.</summary>
    public IReadOnlyList<SearchTerm> RequiredTerms => Terms ?? SearchTerms.Parse(Text);
}

/// <summary>A full-text match and its score (higher is better).</summary>
public sealed record SearchHit(GraphNode Node, double Score);

/// <summary>The one exception type stores throw, carrying the backend's error code
/// (a SQLite result code or a Neo4j status code such as Neo.ClientError.Statement.SyntaxError).</summary>
public sealed class GraphStoreException : Exception
{
    public GraphStoreException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    public string Code { get; }
}
