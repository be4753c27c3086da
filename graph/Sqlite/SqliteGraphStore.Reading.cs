using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Sqlite;

// Reads. Each is one statement, or several inside one read transaction, so it sees one snapshot of the file.
// Lists of ids travel as one JSON array parameter (json_each), so a batch is one statement whatever its size.
public sealed partial class SqliteGraphStore
{
    public Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<GraphNode>>([]);
        }

        return Run<IReadOnlyList<GraphNode>>(connection =>
        {
            using var command = Command(connection,
                "SELECT data FROM nodes WHERE id IN (SELECT value FROM json_each($ids));", ("$ids", IdList(ids)));
            return ReadNodes(command);
        }, cancellationToken);
    }

    public Task<Page<GraphNode>> FindNodesAsync(NodeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The WHERE clause is assembled from fixed fragments so that each filter can use its index; values stay
        // parameters. The label is written out (a name from the enum, never input) so that the planner can use
        // the name index, which leaves duties out. That index is partial (label <> 'Duty'), and SQLite uses a partial
        // index only when the query repeats its condition word for word: without it, listing the places or the laws
        // scanned every node of the file (every duty of a thousand places).
        var where = new StringBuilder($"label = '{query.Label}'{NotDuty(query.Label)}");
        var parameters = new List<(string, object?)>();
        if (query.JurisdictionId is not null)
        {
            where.Append(" AND jurisdiction_id = $jurisdiction");
            parameters.Add(("$jurisdiction", query.JurisdictionId));
        }

        if (query.AgencyType is not null)
        {
            where.Append(" AND agency_type = $agency");
            parameters.Add(("$agency", query.AgencyType));
        }

        if (!string.IsNullOrEmpty(query.NameContains))
        {
            where.Append(" AND instr(name, $name) > 0");
            parameters.Add(("$name", query.NameContains));
        }

        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            using var count = Command(connection, $"SELECT count(*) FROM nodes WHERE {where};", [.. parameters]);
            var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var page = Command(connection,
                $"SELECT data FROM nodes WHERE {where} ORDER BY sort_name, id LIMIT $take OFFSET $skip;",
                [.. parameters, ("$take", Math.Max(0, query.Take)), ("$skip", Math.Max(0, query.Skip))]);
            return new Page<GraphNode>(ReadNodes(page), total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<GraphEdge>> GetEdgesAsync(
        IReadOnlyCollection<string> nodeIds,
        EdgeType type,
        Direction direction,
        IReadOnlyCollection<string>? jurisdictionIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (nodeIds.Count == 0 || jurisdictionIds is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<GraphEdge>>([]);
        }

        var places = jurisdictionIds is null ? null : IdList(jurisdictionIds);
        return Run<IReadOnlyList<GraphEdge>>(connection => ReadEdges(connection, IdList(nodeIds), type, direction, places), cancellationToken);
    }

    public Task<Page<SearchHit>> SearchAsync(TextQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var required = query.RequiredTerms;
        if (SearchGrams.ToMatch(required, query.Label) is not { } match)
        {
            return Task.FromResult(new Page<SearchHit>([], 0));
        }

        var terms = SearchGrams.ScoreTerms(required);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        return RunPrepared(statements =>
        {
            if (query.JurisdictionId is null)
            {
                return SearchEverywhere(statements, terms, match, skip, take);
            }

            var place = statements.Command("SELECT code FROM places WHERE jurisdiction_id = $jurisdiction;", ("$jurisdiction", query.JurisdictionId));
            return place.ExecuteScalar() is long code
                ? SearchInPlace(statements, terms, match, code, skip, take)
                : new Page<SearchHit>([], 0);
        }, cancellationToken);
    }

    // Best matches first within one place: the match narrowed to the place's key range, so it costs what the
    // place's matches cost, whatever the size of the rest. Every match in the place is scored (SearchGrams.Score)
    // and only the page's rows are read in full. Ties go by key, that is by clause order, so pages are stable.
    private static Page<SearchHit> SearchInPlace(PreparedReader statements, IReadOnlyList<string> terms, string match, long place, int skip, int take)
    {
        var (first, last) = NodeKeys.Of(place);
        var matches = statements.Command("""
            SELECT n.key, n.name, n.data
            FROM node_text CROSS JOIN nodes n ON n.key = node_text.rowid
            WHERE node_text MATCH $match AND node_text.rowid BETWEEN $first AND $last;
            """, ("$match", match), ("$first", first), ("$last", last));
        var scored = Scored(matches, terms);
        return new Page<SearchHit>(BestFirst(scored, skip, take), scored.Count);
    }

    // Everywhere: place by place (in the order the places were first loaded), best matches first within each
    // place. Ranking every match in the country would cost as much as the matches (thousands of duties mention
    // 燃气 at a thousand places), so a page costs what it shows instead: one pass over the postings gives every
    // match's key in key order, hence the total and, from the window's skip + take positions, which places the page
    // spans and how many of each it shows; only those places' matches are then read (by key, without another pass
    // over the index) and each place is ranked on its own.
    private static Page<SearchHit> SearchEverywhere(PreparedReader statements, IReadOnlyList<string> terms, string match, int skip, int take)
    {
        var keys = new List<long>();
        using (var reader = statements.Command("SELECT rowid FROM node_text WHERE node_text MATCH $match ORDER BY rowid;", ("$match", match)).ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetInt64(0));
            }
        }
        var hits = new List<SearchHit>();
        if (take == 0 || skip >= keys.Count)
        {
            return new Page<SearchHit>(hits, keys.Count);
        }

        // The matches of the places the window [skip, skip + take) reaches: a run of keys, since keys go place by place.
        var end = (int)Math.Min(keys.Count, (long)skip + take);
        var from = skip;
        while (from > 0 && NodeKeys.PlaceOf(keys[from - 1]) == NodeKeys.PlaceOf(keys[skip]))
        {
            from--;
        }
        var to = end;
        while (to < keys.Count && NodeKeys.PlaceOf(keys[to]) == NodeKeys.PlaceOf(keys[end - 1]))
        {
            to++;
        }
        var rows = statements.Command("SELECT key, name, data FROM nodes WHERE key IN (SELECT value FROM json_each($keys)) ORDER BY key;",
            ("$keys", $"[{string.Join(',', keys.GetRange(from, to - from).Select(key => key.ToString(CultureInfo.InvariantCulture)))}]"));
        var position = from;
        foreach (var place in Scored(rows, terms).GroupBy(hit => NodeKeys.PlaceOf(hit.Key)))
        {
            // This place's matches sit at positions [position, position + its count); the window shows those of them
            // from skip on and before skip + take, ranked within the place.
            var count = place.Count();
            var shownFrom = Math.Max(skip, position);
            var shownTo = Math.Min(end, position + count);
            hits.AddRange(BestFirst([.. place], shownFrom - position, shownTo - shownFrom));
            position += count;
        }

        return new Page<SearchHit>(hits, keys.Count);
    }

    // Every row of a match (key, name, data) with its relevance: the name holds a duty's text; a node matched through
    // another field (an alias) is scored on all of it.
    private static List<(long Key, double Score, string Data)> Scored(SqliteCommand matches, IReadOnlyList<string> terms)
    {
        var scored = new List<(long Key, double Score, string Data)>();
        using var reader = matches.ExecuteReader();
        while (reader.Read())
        {
            var data = reader.GetString(2);
            var score = SearchGrams.Score(terms, reader.GetString(1));
            scored.Add((reader.GetInt64(0), score > 0 ? score : SearchGrams.Score(terms, data), data));
        }
        return scored;
    }

    // One place's matches best first, ties by key (clause order) so that pages are stable; only the page's rows are
    // read in full.
    private static List<SearchHit> BestFirst(List<(long Key, double Score, string Data)> scored, int skip, int take) =>
        [.. scored
            .OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Key)
            .Skip(skip).Take(take)
            .Select(hit => new SearchHit(NodeRow.Read(hit.Data), hit.Score))];

    public Task<IReadOnlyList<Sector>> GetTaxonomyAsync(CancellationToken cancellationToken = default) => Run<IReadOnlyList<Sector>>(connection =>
    {
        // The name index is partial: its condition, repeated, lets SQLite use it (a sector's sort name is its name).
        using var command = Command(connection, $"SELECT data FROM nodes WHERE label = 'Sector'{NotDuty(NodeLabel.Sector)} ORDER BY sort_name, id;");
        return [.. ReadNodes(command).Cast<Sector>()];
    }, cancellationToken);

    public Task<IReadOnlyList<Sector>> GetSectorClosureAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Run<IReadOnlyList<Sector>>(connection =>
        {
            using var command = Command(connection, """
                WITH RECURSIVE closure (id) AS (
                    SELECT sector_id FROM sector_names WHERE name = $topic
                    UNION
                    SELECT n.id FROM nodes n JOIN closure c ON n.parent_id = c.id WHERE n.label = 'Sector'
                )
                SELECT data FROM nodes WHERE id IN (SELECT id FROM closure) AND label = 'Sector' ORDER BY name, id;
                """, ("$topic", topic.Trim()));
            return [.. ReadNodes(command).Cast<Sector>()];
        }, cancellationToken);
    }

    public Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var command = Command(connection, "SELECT text FROM documents WHERE id = $id;", ("$id", documentId));
        return command.ExecuteScalar() as string;
    }, cancellationToken);

    // The condition of the partial name index (label <> 'Duty'), for a query on any other label: SQLite uses a partial
    // index only when the query's WHERE clause holds the index's condition as one of its terms.
    private static string NotDuty(NodeLabel label) => label == NodeLabel.Duty ? "" : " AND label <> 'Duty'";

    // Stored relationships come from the edges table; structural ones from the node column that holds the link.
    // Column names come from this fixed switch, never from input.
    private static List<GraphEdge> ReadEdges(SqliteConnection connection, string ids, EdgeType type, Direction direction, string? places)
    {
        // Both kinds of edge know their place: a stored edge its document's, a structural one its holder's.
        var inPlaces = places is null ? "" : " AND jurisdiction_id IN (SELECT value FROM json_each($places))";
        var structural = type switch
        {
            EdgeType.In => ("in_id", true),
            EdgeType.HostedBy => ("host_id", true),
            EdgeType.Parent => ("parent_id", true),
            EdgeType.HasDuty => ("owner_id", false),
            _ => ((string Column, bool NodeIsSource)?)null,
        };

        if (structural is not { } link)
        {
            var end = direction == Direction.Outgoing ? "from_id" : "to_id";
            using var stored = Command(connection, $"""
                SELECT type, from_id, to_id, evidence, scope, source_document_id, locator, start, length, basis
                FROM edges
                WHERE type = $type AND {end} IN (SELECT value FROM json_each($ids)){inPlaces}
                ORDER BY from_id, to_id, document_id;
                """, ("$type", type.ToString()), ("$ids", ids), ("$places", places));
            using var reader = stored.ExecuteReader();
            var edges = new List<GraphEdge>();
            while (reader.Read())
            {
                var evidence = reader.IsDBNull(3)
                    ? []
                    : JsonSerializer.Deserialize(reader.GetString(3), NodeJson.Stored.IReadOnlyListString) ?? [];
                var source = reader.IsDBNull(6)
                    ? null
                    : new Provenance(reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8));
                var basis = reader.IsDBNull(9)
                    ? []
                    : JsonSerializer.Deserialize(reader.GetString(9), NodeJson.Stored.IReadOnlyListRoleBasis) ?? [];
                edges.Add(new GraphEdge(type, reader.GetString(1), reader.GetString(2), evidence,
                    reader.IsDBNull(4) ? null : reader.GetString(4), source)
                { Basis = basis });
            }

            return edges;
        }

        // The node holding the link is the edge's source (IN, HOSTED_BY, PARENT) or its target (HAS_DUTY: the
        // duty holds its owner). Following the edge from the holder means matching on id, otherwise on the link.
        var fromHolder = direction == Direction.Outgoing == link.NodeIsSource;
        var condition = fromHolder
            ? $"id IN (SELECT value FROM json_each($ids)) AND {link.Column} IS NOT NULL"
            : $"{link.Column} IN (SELECT value FROM json_each($ids))";
        using var command = Command(connection,
            $"SELECT id, {link.Column} FROM nodes WHERE {condition}{inPlaces} ORDER BY {link.Column}, id;",
            ("$ids", ids), ("$places", places));
        using var links = command.ExecuteReader();
        var derived = new List<GraphEdge>();
        while (links.Read())
        {
            var (holder, target) = (links.GetString(0), links.GetString(1));
            derived.Add(link.NodeIsSource
                ? new GraphEdge(type, holder, target, [], null, null)
                : new GraphEdge(type, target, holder, [], null, null));
        }

        return derived;
    }

    private static List<GraphNode> ReadNodes(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var nodes = new List<GraphNode>();
        while (reader.Read())
        {
            nodes.Add(NodeRow.Read(reader.GetString(0)));
        }

        return nodes;
    }
}
