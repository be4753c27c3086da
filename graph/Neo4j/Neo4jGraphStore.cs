using System.Text;
using System.Text.Json;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Neo4j;

/// <summary>The knowledge graph in Neo4j, over the HTTP Query API.
/// Each node carries the label <c>Entity</c> and its own label, its attributes as a JSON document (read back
/// as is) and the properties the queries filter on. Shared nodes (a body or a law two documents name) list their
/// contributing documents in <c>docs</c>; relationships read from a document carry it in <c>doc</c>; the
/// document node lists the nodes it contributed, so a new version replaces exactly that.</summary>
public sealed class Neo4jGraphStore : IGraphStore
{
    private readonly Neo4jQueryApiClient _client;
    private readonly int _batchSize;

    public Neo4jGraphStore(Neo4jQueryApiClient client, Neo4jOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _batchSize = Math.Max(1, options.BatchSize);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Schema statements cannot share a transaction with writes; each is idempotent (IF NOT EXISTS).
        foreach (var statement in Neo4jCypher.Schema())
        {
            await _client.RunAsync(new Neo4jStatement(statement), cancellationToken);
        }
    }

    public Task<LoadOutcome> LoadDocumentAsync(DocumentGraph graph, CancellationToken cancellationToken = default)
    {
        var contribution = DocumentContribution.Of(graph);
        var documentId = contribution.Document.Id;
        var fingerprint = contribution.Fingerprint;
        var contributed = contribution.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();

        // The whole replacement is one explicit transaction; replaying it from the start is safe because it first
        // removes whatever this document contributed and then writes the new version with MERGE.
        return _client.RunTransactionAsync(
            async (tx, token) =>
            {
                var previous = await ReadFingerprintAsync(tx, documentId, token);
                if (previous == fingerprint)
                {
                    await tx.RollbackAsync(token);
                    return LoadOutcome.Unchanged;
                }

                if (previous is not null)
                {
                    await ReleaseDocumentAsync(tx, documentId, token);
                }

                foreach (var group in contribution.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key))
                {
                    var rows = group.Select(n => (object?)new Dictionary<string, object?>
                    {
                        ["id"] = n.Id,
                        ["properties"] = n is Document d ? DocumentProperties(d, contribution.Text, fingerprint, contributed) : NodeProperties(n),
                    }).ToList();
                    await RunBatchedAsync(tx, Neo4jCypher.UpsertDocumentNodes(group.Key), rows, documentId, token);
                }

                await LinkAsync(tx, contributed, Neo4jCypher.StructuralEdgeTypes, token);

                foreach (var group in contribution.Edges.Where(e => !Neo4jCypher.IsStructural(e.Type)).GroupBy(e => e.Type).OrderBy(g => g.Key))
                {
                    var rows = group.Select(e => (object?)EdgeRow(e, documentId, contribution.Document.JurisdictionId)).ToList();
                    await RunBatchedAsync(tx, Neo4jCypher.UpsertDocumentEdges(group.Key), rows, documentId, token);
                }

                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.BumpContentVersion), token);
                return previous is null ? LoadOutcome.Inserted : LoadOutcome.Replaced;
            },
            cancellationToken);
    }

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _client.RunTransactionAsync(
            async (tx, token) =>
            {
                if (await ReadFingerprintAsync(tx, documentId, token) is null)
                {
                    await tx.RollbackAsync(token);
                    return false;
                }

                await ReleaseDocumentAsync(tx, documentId, token);
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.BumpContentVersion), token);
                return true;
            },
            cancellationToken);
    }

    public Task ReplaceTaxonomyAsync(IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var unique = sectors.DistinctBy(s => s.Id).ToList();
        var ids = unique.Select(s => s.Id).ToList();
        return _client.RunTransactionAsync(
            async (tx, token) =>
            {
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.DropSectorsOutsideTaxonomy, Parameters(("ids", ids))), token);
                var rows = unique.Select(s => (object?)new Dictionary<string, object?>
                {
                    ["id"] = s.Id,
                    ["properties"] = NodeProperties(s),
                }).ToList();
                await RunBatchedAsync(tx, Neo4jCypher.UpsertTaxonomy, rows, documentId: null, token);
                await LinkAsync(tx, ids, [EdgeType.Parent], token);
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.BumpContentVersion), token);
                return true;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await _client.RunAsync(
            new Neo4jStatement(Neo4jCypher.NodesById, Parameters(("ids", ids.Distinct().ToList()))), cancellationToken);
        return ReadNodes(result, "json");
    }

    public async Task<Page<GraphNode>> FindNodesAsync(NodeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await _client.RunAsync(
            new Neo4jStatement(Neo4jCypher.FindNodes(query.Label), Parameters(
                ("jurisdictionId", query.JurisdictionId),
                ("agencyType", query.AgencyType),
                ("nameContains", string.IsNullOrEmpty(query.NameContains) ? null : query.NameContains),
                ("skip", Math.Max(0, query.Skip)),
                ("take", Math.Max(0, query.Take)))),
            cancellationToken);
        if (result.Rows.Count == 0)
        {
            return new Page<GraphNode>([], 0);
        }

        var row = result.Rows[0];
        var page = row[result.Column("page")];
        var items = page.ValueKind == JsonValueKind.Array
            ? page.EnumerateArray().Select(DeserializeNode).OfType<GraphNode>().ToList()
            : [];
        return new Page<GraphNode>(items, Int(row[result.Column("total")]));
    }

    public async Task<IReadOnlyList<GraphEdge>> GetEdgesAsync(
        IReadOnlyCollection<string> nodeIds,
        EdgeType type,
        Direction direction,
        IReadOnlyCollection<string>? jurisdictionIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0 || jurisdictionIds is { Count: 0 })
        {
            return [];
        }

        var result = await _client.RunAsync(
            new Neo4jStatement(Neo4jCypher.Edges(type, direction), Parameters(
                ("ids", nodeIds.Distinct().ToList()),
                ("jurisdictionIds", jurisdictionIds?.Distinct().ToList()))),
            cancellationToken);
        return ReadEdges(result);
    }

    public async Task<Page<SearchHit>> SearchAsync(TextQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = query.RequiredTerms;
        if (terms.Count == 0)
        {
            return new Page<SearchHit>([], 0);
        }

        // The CJK analyzer indexes bigrams, so a query with a one-character form is looked up as substrings instead.
        var bySubstring = terms.Any(t => t.Forms.Any(f => f.Length == 1));
        var result = await _client.RunAsync(
            new Neo4jStatement(bySubstring ? Neo4jCypher.SearchBySubstring : Neo4jCypher.Search, Parameters(
                (bySubstring ? "terms" : "query", bySubstring ? terms.Select(t => t.Forms).ToList() : LuceneQuery(terms)),
                ("label", query.Label is { } label ? Neo4jCypher.Label(label) : null),
                ("jurisdictionId", query.JurisdictionId),
                ("skip", Math.Max(0, query.Skip)),
                ("take", Math.Max(0, query.Take)))),
            cancellationToken);
        if (result.Rows.Count == 0)
        {
            return new Page<SearchHit>([], 0);
        }

        var row = result.Rows[0];
        var hits = new List<SearchHit>();
        var page = row[result.Column("page")];
        if (page.ValueKind == JsonValueKind.Array)
        {
            foreach (var hit in page.EnumerateArray())
            {
                if (DeserializeNode(hit.GetProperty("json")) is { } node)
                {
                    hits.Add(new SearchHit(node, hit.GetProperty("score").GetDouble()));
                }
            }
        }

        return new Page<SearchHit>(hits, Int(row[result.Column("total")]));
    }

    public async Task<IReadOnlyList<Sector>> GetTaxonomyAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(Neo4jCypher.Taxonomy), cancellationToken);
        return ReadNodes(result, "json").OfType<Sector>().ToList();
    }

    public async Task<IReadOnlyList<Sector>> GetSectorClosureAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var result = await _client.RunAsync(
            new Neo4jStatement(Neo4jCypher.SectorClosure, Parameters(("topic", topic.Trim()))), cancellationToken);
        return ReadNodes(result, "json").OfType<Sector>().ToList();
    }

    public async Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var result = await _client.RunAsync(
            new Neo4jStatement(Neo4jCypher.DocumentText, Parameters(("documentId", documentId))), cancellationToken);
        return result.Rows.Count == 0 ? null : Str(result.Rows[0][result.Column("text")]);
    }

    public async Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(Neo4jCypher.ContentVersion), cancellationToken);
        return result.Rows.Count == 0 || result.Rows[0][result.Column("version")].ValueKind != JsonValueKind.Number
            ? 0
            : result.Rows[0][result.Column("version")].GetInt64();
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _client.RunAsync(new Neo4jStatement(Neo4jCypher.Ping), cancellationToken);
            return result.Rows.Count == 1;
        }
        catch (GraphStoreException)
        {
            return false;
        }
    }

    /// <summary>A Lucene query for the terms: each form a quoted phrase (so the CJK analyzer's bigrams must stand in
    /// order), the forms of a term alternatives, every term required. Lucene's syntax never comes from user text:
    /// quotes and backslashes are escaped inside the phrase.</summary>
    public static string LuceneQuery(IEnumerable<SearchTerm> terms) =>
        string.Join(" AND ", terms.Select(t => t.Forms.Count == 1
            ? Phrase(t.Forms[0])
            : "(" + string.Join(" OR ", t.Forms.Select(Phrase)) + ")"));

    private static string Phrase(string form) =>
        "\"" + form.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<string?> ReadFingerprintAsync(Neo4jTransaction tx, string documentId, CancellationToken token)
    {
        var result = await tx.RunAsync(new Neo4jStatement(Neo4jCypher.DocumentFingerprint, Parameters(("documentId", documentId))), token);
        return result.Rows.Count == 0 ? null : Str(result.Rows[0][result.Column("graphHash")]);
    }

    private async Task ReleaseDocumentAsync(Neo4jTransaction tx, string documentId, CancellationToken token)
    {
        var parameters = Parameters(("documentId", documentId));
        foreach (var type in Neo4jCypher.DocumentEdgeTypes)
        {
            await tx.RunAsync(new Neo4jStatement(Neo4jCypher.DeleteDocumentEdges(type), parameters), token);
        }

        var released = await tx.RunAsync(new Neo4jStatement(Neo4jCypher.ReleaseDocumentNodes, parameters), token);
        var orphans = new List<string>();
        var survivors = new List<object?>();
        var survivorIds = new List<string>();
        foreach (var row in released.Rows)
        {
            var id = Str(row[released.Column("id")]);
            if (id is null)
            {
                continue;
            }

            if (DeserializeNode(row[released.Column("json")]) is { } remaining)
            {
                survivors.Add(new Dictionary<string, object?> { ["id"] = id, ["properties"] = NodeProperties(remaining) });
                survivorIds.Add(id);
            }
            else
            {
                orphans.Add(id);
            }
        }

        foreach (var chunk in orphans.Chunk(_batchSize))
        {
            await tx.RunAsync(new Neo4jStatement(Neo4jCypher.DeleteNodes, Parameters(("ids", chunk))), token);
        }

        // A shared node shows its remaining contributor's version again, links included.
        if (survivors.Count > 0)
        {
            await RunBatchedAsync(tx, Neo4jCypher.RestoreNodes, survivors, documentId: null, token);
            await LinkAsync(tx, survivorIds, Neo4jCypher.StructuralEdgeTypes, token);
        }
    }

    /// <summary>Rewrites the structural relationships around the given nodes: those they hold (dropped and made
    /// again from their links) and those other nodes hold towards them.</summary>
    private async Task LinkAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, IEnumerable<EdgeType> types, CancellationToken token)
    {
        foreach (var chunk in ids.Chunk(_batchSize))
        {
            var parameters = Parameters(("ids", chunk));
            foreach (var type in types)
            {
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.UnlinkHeld(type), parameters), token);
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.LinkFromHolders(type), parameters), token);
                await tx.RunAsync(new Neo4jStatement(Neo4jCypher.LinkToTargets(type), parameters), token);
            }
        }
    }

    private async Task RunBatchedAsync(Neo4jTransaction tx, string statement, List<object?> rows, string? documentId, CancellationToken token)
    {
        foreach (var chunk in rows.Chunk(_batchSize))
        {
            var parameters = documentId is null
                ? Parameters(("rows", chunk))
                : Parameters(("rows", chunk), ("documentId", documentId));
            await tx.RunAsync(new Neo4jStatement(statement, parameters), token);
        }
    }

    // The store-independent projection as node properties. The search text is normalised as the search terms are
    // (SearchTerms), so that a substring search over it finds full-width and upper-case forms.
    private static Dictionary<string, object?> NodeProperties(GraphNode node)
    {
        var p = NodeProjection.Of(node);
        return new Dictionary<string, object?>
        {
            ["displayName"] = p.DisplayName,
            ["json"] = p.Json,
            ["aliases"] = p.Aliases.Count == 0 ? null : p.Aliases,
            ["searchText"] = p.SearchText.Normalize(NormalizationForm.FormKC).ToLowerInvariant(),
            ["jurisdictionId"] = p.JurisdictionId,
            ["agencyType"] = p.AgencyType,
            ["inRef"] = p.InId,
            ["ownerRef"] = p.OwnerId,
            ["hostedByRef"] = p.HostId,
            ["parentRef"] = p.ParentId,
        };
    }

    private static Dictionary<string, object?> DocumentProperties(Document document, string text, string fingerprint, List<string> contributed)
    {
        var properties = NodeProperties(document);
        properties["graphHash"] = fingerprint;
        properties["sourceText"] = text;
        properties["contributed"] = contributed;
        return properties;
    }

    private static Dictionary<string, object?> EdgeRow(GraphEdge edge, string documentId, string jurisdictionId) => new()
    {
        ["id"] = edge.Id,
        ["from"] = edge.FromId,
        ["to"] = edge.ToId,
        ["properties"] = new Dictionary<string, object?>
        {
            // The loaded document owns the edge, whatever its provenance says: that is what a new version replaces.
            ["doc"] = documentId,
            ["place"] = jurisdictionId,
            ["evidence"] = edge.Evidence,
            ["scope"] = edge.Scope,
            // A property holds scalars or lists of scalars, not records: the role's basis travels as JSON.
            ["basis"] = edge.Basis.Count == 0 ? null : JsonSerializer.Serialize(edge.Basis, NodeJson.Stored.IReadOnlyListRoleBasis),
            ["locator"] = edge.Source?.Locator,
            ["start"] = edge.Source?.Start,
            ["length"] = edge.Source?.Length,
        },
    };

    private static List<GraphNode> ReadNodes(Neo4jResult result, string field)
    {
        var column = result.Column(field);
        return result.Rows.Select(r => DeserializeNode(r[column])).OfType<GraphNode>().ToList();
    }

    private static GraphNode? DeserializeNode(JsonElement json) =>
        json.ValueKind == JsonValueKind.String ? NodeProjection.Read(json.GetString()!) : null;

    private static List<GraphEdge> ReadEdges(Neo4jResult result)
    {
        var type = result.Column("relType");
        var from = result.Column("fromId");
        var to = result.Column("toId");
        var evidence = result.Column("evidence");
        var scope = result.Column("scope");
        var basis = result.Column("basis");
        var doc = result.Column("doc");
        var locator = result.Column("locator");
        var start = result.Column("start");
        var length = result.Column("length");
        var edges = new List<GraphEdge>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var document = Str(row[doc]);
            var where = Str(row[locator]);
            edges.Add(new GraphEdge(
                Neo4jCypher.ParseType(Str(row[type]) ?? ""),
                Str(row[from]) ?? "",
                Str(row[to]) ?? "",
                row[evidence].ValueKind == JsonValueKind.Array ? row[evidence].EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [],
                Str(row[scope]),
                document is not null && where is not null ? new Provenance(document, where, Int(row[start]), Int(row[length])) : null)
            {
                Basis = Str(row[basis]) is { } json ? JsonSerializer.Deserialize(json, NodeJson.Stored.IReadOnlyListRoleBasis) ?? [] : [],
            });
        }

        return edges;
    }

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value);

    private static string? Str(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
