using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Neo4j;

/// <summary>Every Cypher statement the Neo4j store sends. Statement texts are built only from constants and from the
/// allow-lists below (labels from <see cref="NodeLabel"/>, relationship types from <see cref="EdgeType"/>); values —
/// ids, names, search text, paging — always travel as parameters.</summary>
public static class Neo4jCypher
{
    /// <summary>The label every stored node carries besides its own, so that an id finds a node whatever its label.</summary>
    public const string EntityLabel = "Entity";

    /// <summary>The full-text index over each node's search text (<see cref="Store.NodeProjection.SearchText"/>: names,
    /// aliases, a document's number and issuer, a law's title as cited), with Lucene's CJK (bigram) analyzer so that
    /// two-character Chinese terms match.</summary>
    public const string FullTextIndex = "entity_search_text";

    /// <summary>The earlier full-text index, over display names and aliases only; dropped so that both stores find a
    /// node by the same text.</summary>
    public const string FormerFullTextIndex = "entity_text";

    /// <summary>Column list shared by every statement that returns relationships.</summary>
    private const string EdgeColumns =
        "type(r) AS relType, a.id AS fromId, b.id AS toId, r.evidence AS evidence, r.scope AS scope, "
        + "r.basis AS basis, r.doc AS doc, r.locator AS locator, r.start AS start, r.length AS length";

    private const string EdgeOrder = "ORDER BY fromId, toId, relType, doc";

    private static readonly Dictionary<NodeLabel, string> Labels = Enum.GetValues<NodeLabel>()
        .ToDictionary(l => l, l => l switch
        {
            NodeLabel.Jurisdiction => "Jurisdiction",
            NodeLabel.Document => "Document",
            NodeLabel.Body => "Body",
            NodeLabel.Leader => "Leader",
            NodeLabel.Duty => "Duty",
            NodeLabel.Sector => "Sector",
            NodeLabel.Law => "Law",
            _ => throw new ArgumentOutOfRangeException(nameof(l), l, "no Neo4j label"),
        });

    private static readonly Dictionary<EdgeType, string> Types = Enum.GetValues<EdgeType>()
        .ToDictionary(t => t, t => t switch
        {
            EdgeType.Lead => "LEAD",
            EdgeType.Assist => "ASSIST",
            EdgeType.Cite => "CITE",
            EdgeType.Covers => "COVERS",
            EdgeType.Mentions => "MENTIONS",
            EdgeType.MemberOf => "MEMBER_OF",
            EdgeType.In => "IN",
            EdgeType.HasDuty => "HAS_DUTY",
            EdgeType.HostedBy => "HOSTED_BY",
            EdgeType.Parent => "PARENT",
            _ => throw new ArgumentOutOfRangeException(nameof(t), t, "no Neo4j relationship type"),
        });

    private static readonly Dictionary<string, EdgeType> TypesByName = Types.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>Relationship types read from documents; each relationship carries its document in <c>r.doc</c>.</summary>
    public static IReadOnlyList<EdgeType> DocumentEdgeTypes { get; } =
        [EdgeType.Lead, EdgeType.Assist, EdgeType.Cite, EdgeType.Covers, EdgeType.Mentions, EdgeType.MemberOf];

    /// <summary>Relationship types materialised from a node's single-valued link (see <see cref="StructuralLink"/>).</summary>
    public static IReadOnlyList<EdgeType> StructuralEdgeTypes { get; } =
        [EdgeType.In, EdgeType.HasDuty, EdgeType.HostedBy, EdgeType.Parent];

    /// <summary>Range-indexed node properties: the filters and the link properties the relinking statements match on.</summary>
    private static readonly string[] IndexedProperties =
        ["jurisdictionId", "agencyType", "displayName", "inRef", "ownerRef", "hostedByRef", "parentRef"];

    public static string Label(NodeLabel label) => Labels[label];

    public static string Type(EdgeType type) => Types[type];

    public static EdgeType ParseType(string name) =>
        TypesByName.TryGetValue(name, out var type)
            ? type
            : throw new Store.GraphStoreException(Neo4jQueryApiClient.InvalidResponseCode, $"未知的关系类型 {name} (unknown relationship type).");

    public static bool IsStructural(EdgeType type) => StructuralEdgeTypes.Contains(type);

    /// <summary>How a structural relationship is kept: the node holding the link stores the other end's id in
    /// <paramref name="Property"/>. For HAS_DUTY the holder is the duty, i.e. the relationship's end node.</summary>
    public sealed record StructuralLink(EdgeType Type, string Property, bool HolderIsStart);

    public static StructuralLink Link(EdgeType type) => type switch
    {
        EdgeType.In => new StructuralLink(type, "inRef", HolderIsStart: true),
        EdgeType.HasDuty => new StructuralLink(type, "ownerRef", HolderIsStart: false),
        EdgeType.HostedBy => new StructuralLink(type, "hostedByRef", HolderIsStart: true),
        EdgeType.Parent => new StructuralLink(type, "parentRef", HolderIsStart: true),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a structural relationship"),
    };

    // ---- Schema ----

    public static IReadOnlyList<string> Schema()
    {
        var statements = new List<string>
        {
            $"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{EntityLabel}) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT content_version_id IF NOT EXISTS FOR (m:ContentVersion) REQUIRE m.id IS UNIQUE",
        };
        statements.AddRange(Labels.Values.Select(label =>
            $"CREATE CONSTRAINT {label.ToLowerInvariant()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"));
        statements.AddRange(IndexedProperties.Select(property =>
            $"CREATE INDEX entity_{property.ToLowerInvariant()} IF NOT EXISTS FOR (n:{EntityLabel}) ON (n.{property})"));
        statements.AddRange(DocumentEdgeTypes.Select(Type).Select(type =>
            $"CREATE INDEX rel_{type.ToLowerInvariant()}_doc IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.doc)"));
        statements.Add($"DROP INDEX {FormerFullTextIndex} IF EXISTS");
        statements.Add(
            $"CREATE FULLTEXT INDEX {FullTextIndex} IF NOT EXISTS FOR (n:{string.Join('|', Labels.Values)}) "
            + "ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}");
        // Indexes are populated in the background; queries must not race a new one.
        statements.Add("CALL db.awaitIndexes(300)");
        return statements;
    }

    // ---- Writes ----

    /// <summary>The stored fingerprint of a document's graph; one row, null when the document is not loaded.</summary>
    public const string DocumentFingerprint =
        "OPTIONAL MATCH (d:Document {id: $documentId}) RETURN d.graphHash AS graphHash";

    public static string DeleteDocumentEdges(EdgeType type) =>
        $"MATCH ()-[r:{Type(type)}]->() WHERE r.doc = $documentId DELETE r";

    /// <summary>Takes the document off every node it contributed (the list is kept on the document node): its entry
    /// in <c>docs</c> and its version in <c>versions</c>. Returns each node with the version of the last remaining
    /// contributor (null when none is left) so that the store can delete orphans and restore survivors.</summary>
    public const string ReleaseDocumentNodes =
        "MATCH (d:Document {id: $documentId}) WITH coalesce(d.contributed, []) AS ids "
        + "UNWIND ids AS contributedId MATCH (n:Entity {id: contributedId}) "
        + "WITH n, [i IN range(0, size(coalesce(n.docs, [])) - 1) WHERE n.docs[i] <> $documentId] AS keep "
        + "WITH n, [i IN keep | n.docs[i]] AS docs, [i IN keep | n.versions[i]] AS versions "
        + "SET n.docs = docs, n.versions = versions "
        + "RETURN n.id AS id, versions[-1] AS json";

    public const string DeleteNodes = "UNWIND $ids AS nodeId MATCH (n:Entity {id: nodeId}) DETACH DELETE n";

    /// <summary>Puts back a surviving shared node's properties as its remaining contributor wrote them.</summary>
    public const string RestoreNodes = "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += row.properties";

    /// <summary>Writes a document's nodes of one label. A node several documents contribute keeps one version per
    /// document (<c>docs</c> and <c>versions</c> side by side); the one loaded last is the one shown.</summary>
    public static string UpsertDocumentNodes(NodeLabel label) =>
        $"UNWIND $rows AS row MERGE (n:{EntityLabel} {{id: row.id}}) SET n:{Label(label)} SET n += row.properties "
        + "WITH n, row, [i IN range(0, size(coalesce(n.docs, [])) - 1) WHERE n.docs[i] <> $documentId] AS keep "
        + "WITH n, [i IN keep | n.docs[i]] + $documentId AS docs, [i IN keep | n.versions[i]] + row.properties.json AS versions "
        + "SET n.docs = docs, n.versions = versions";

    public static string UpsertDocumentEdges(EdgeType type) =>
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) "
        + $"MERGE (a)-[r:{Type(type)} {{id: row.id}}]->(b) SET r += row.properties";

    /// <summary>Sectors that left the taxonomy (documents never contribute sectors: DocumentContribution refuses them).</summary>
    public const string DropSectorsOutsideTaxonomy = "MATCH (s:Sector) WHERE NOT s.id IN $ids DETACH DELETE s";

    public const string UpsertTaxonomy =
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:Sector SET n += row.properties";

    /// <summary>Deletes the structural relationships held by the given nodes, before their links are written anew.</summary>
    public static string UnlinkHeld(EdgeType type)
    {
        var link = Link(type);
        var pattern = link.HolderIsStart ? $"(h:Entity {{id: nodeId}})-[r:{Type(type)}]->()" : $"()-[r:{Type(type)}]->(h:Entity {{id: nodeId}})";
        return $"UNWIND $ids AS nodeId MATCH {pattern} DELETE r";
    }

    /// <summary>Materialises the links the given nodes hold, towards nodes that exist.</summary>
    public static string LinkFromHolders(EdgeType type)
    {
        var link = Link(type);
        return $"UNWIND $ids AS nodeId MATCH (h:Entity {{id: nodeId}}) WHERE h.{link.Property} IS NOT NULL "
            + $"MATCH (t:Entity {{id: h.{link.Property}}}) MERGE {Relationship(link)}";
    }

    /// <summary>Materialises the links other nodes hold towards the given nodes (a node loaded after its referrers).</summary>
    public static string LinkToTargets(EdgeType type)
    {
        var link = Link(type);
        return $"UNWIND $ids AS nodeId MATCH (t:Entity {{id: nodeId}}) MATCH (h:Entity {{{link.Property}: nodeId}}) "
            + $"MERGE {Relationship(link)}";
    }

    private static string Relationship(StructuralLink link) =>
        link.HolderIsStart ? $"(h)-[:{Type(link.Type)}]->(t)" : $"(t)-[:{Type(link.Type)}]->(h)";

    // ---- Reads ----

    public const string NodesById = "UNWIND $ids AS nodeId MATCH (n:Entity {id: nodeId}) RETURN n.json AS json";

    public static string FindNodes(NodeLabel label)
    {
        var match = $"MATCH (n:{Label(label)}) WHERE ($jurisdictionId IS NULL OR n.jurisdictionId = $jurisdictionId) "
            + "AND ($agencyType IS NULL OR n.agencyType = $agencyType) "
            + "AND ($nameContains IS NULL OR n.displayName CONTAINS $nameContains)";
        return $"{match} WITH count(n) AS total "
            + $"RETURN total, COLLECT {{ {match} RETURN n.json AS json ORDER BY n.displayName, n.id SKIP $skip LIMIT $take }} AS page";
    }

    /// <summary>The edges of one type at the given nodes; with <c>$jurisdictionIds</c>, only those of these places
    /// (a stored relationship's <c>r.place</c>, a structural one's holder's place).</summary>
    public static string Edges(EdgeType type, Direction direction) => direction == Direction.Outgoing
        ? $"UNWIND $ids AS nodeId MATCH (a:Entity {{id: nodeId}})-[r:{Type(type)}]->(b:Entity) {InPlaces(type)} RETURN {EdgeColumns} {EdgeOrder}"
        : $"UNWIND $ids AS nodeId MATCH (a:Entity)-[r:{Type(type)}]->(b:Entity {{id: nodeId}}) {InPlaces(type)} RETURN {EdgeColumns} {EdgeOrder}";

    private static string InPlaces(EdgeType type) => type is EdgeType.HasDuty
        ? "WHERE $jurisdictionIds IS NULL OR b.jurisdictionId IN $jurisdictionIds"
        : type is EdgeType.In or EdgeType.HostedBy or EdgeType.Parent
            ? "WHERE $jurisdictionIds IS NULL OR a.jurisdictionId IN $jurisdictionIds"
            : "WHERE $jurisdictionIds IS NULL OR r.place IN $jurisdictionIds";

    /// <summary>Full text: place by place (nodes of no place first), best matches first within each place, as the
    /// contract asks (IGraphStore.SearchAsync).</summary>
    public const string Search =
        "CALL db.index.fulltext.queryNodes('" + FullTextIndex + "', $query) YIELD node, score "
        + "WHERE ($label IS NULL OR $label IN labels(node)) AND ($jurisdictionId IS NULL OR node.jurisdictionId = $jurisdictionId) "
        + "WITH node, score ORDER BY coalesce(node.jurisdictionId, ''), score DESC, node.id WITH collect({node: node, score: score}) AS hits "
        + "RETURN size(hits) AS total, [h IN hits[$skip..($skip + $take)] | {json: h.node.json, score: h.score}] AS page";

    /// <summary>For one-character terms, which the CJK analyzer's bigrams cannot find: a substring match over the
    /// normalised names (NFKC, lower case), every term by any of its forms ($terms is a list of lists of forms),
    /// scored so that shorter names come first.</summary>
    public const string SearchBySubstring =
        "MATCH (node:Entity) WHERE all(term IN $terms WHERE any(form IN term WHERE node.searchText CONTAINS form)) "
        + "AND ($label IS NULL OR $label IN labels(node)) AND ($jurisdictionId IS NULL OR node.jurisdictionId = $jurisdictionId) "
        + "WITH node, 1.0 / (1 + size(node.searchText)) AS score ORDER BY coalesce(node.jurisdictionId, ''), score DESC, node.id WITH collect({node: node, score: score}) AS hits "
        + "RETURN size(hits) AS total, [h IN hits[$skip..($skip + $take)] | {json: h.node.json, score: h.score}] AS page";

    public const string Taxonomy = "MATCH (s:Sector) RETURN s.json AS json ORDER BY s.displayName, s.id";

    public const string SectorClosure =
        "MATCH (t:Sector) WHERE t.displayName = $topic OR $topic IN coalesce(t.aliases, []) "
        + "MATCH (s:Sector)-[:PARENT*0..32]->(t) WITH DISTINCT s RETURN s.json AS json ORDER BY s.id";

    public const string DocumentText = "MATCH (d:Document {id: $documentId}) RETURN d.sourceText AS text";

    public const string Ping = "RETURN 1 AS ok";

    // ---- Content version ----

    // A meta node outside the Entity label, so no read of the graph ever meets it. Bumped inside each writing
    // transaction, so it changes exactly when a commit changes what readers see.
    public const string BumpContentVersion =
        "MERGE (m:ContentVersion {id: 'content'}) SET m.version = coalesce(m.version, 0) + 1";

    public const string ContentVersion =
        "OPTIONAL MATCH (m:ContentVersion {id: 'content'}) RETURN coalesce(m.version, 0) AS version";
}
