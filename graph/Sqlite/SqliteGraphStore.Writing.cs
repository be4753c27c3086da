using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Sqlite;

// Writes. A document is loaded in one IMMEDIATE transaction: the old version's contribution is taken out and the
// new one put in before anyone can see either half.
//
// Jurisdictions, bodies, leaders and laws can be contributed by several documents (两份文件都写到了市应急管理局).
// contributions(document_id, node_id) records who contributed what; a node goes when its last contributor goes.
// The nodes table shows the latest contributor's version; each contribution keeps its own copy so that when the
// latest contributor leaves, the next one's version comes back. Duties and documents are never shared (their ids
// derive from the document), so their contributions keep no copy. Edges belong to exactly one document.
public sealed partial class SqliteGraphStore
{
    public Task<LoadOutcome> LoadDocumentAsync(DocumentGraph graph, CancellationToken cancellationToken = default)
    {
        var contribution = DocumentContribution.Of(graph);
        var documentId = contribution.Document.Id;

        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // documents.content_hash holds the contribution's fingerprint (a hash of what was read, not of the file
            // alone); a value from before that is simply a fingerprint that no longer matches.
            using var hash = Command(connection, "SELECT content_hash FROM documents WHERE id = $id;", ("$id", documentId));
            var oldHash = hash.ExecuteScalar() as string;
            if (oldHash == contribution.Fingerprint)
            {
                return LoadOutcome.Unchanged;
            }

            if (oldHash is not null)
            {
                RemoveContribution(connection, documentId, cancellationToken);
            }

            using (var insertDocument = Command(connection,
                "INSERT INTO documents (id, content_hash, text) VALUES ($id, $hash, $text);",
                ("$id", documentId), ("$hash", contribution.Fingerprint), ("$text", contribution.Text)))
            {
                insertDocument.ExecuteNonQuery();
            }

            using (var writer = new NodeWriter(connection))
            {
                foreach (var node in contribution.Nodes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var row = NodeRow.Of(node);
                    writer.Upsert(row, documentId);
                    writer.Contribute(documentId, row, keepCopy: node is not (Duty or Document));
                }
            }

            InsertSectorNames(connection, contribution.Nodes.OfType<Sector>());
            InsertEdges(connection, contribution.Document, contribution.Edges, cancellationToken);
            transaction.Commit();
            return oldHash is null ? LoadOutcome.Inserted : LoadOutcome.Replaced;
        }, cancellationToken);
    }

    public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var exists = Command(connection, "SELECT 1 FROM documents WHERE id = $id;", ("$id", documentId));
        if (exists.ExecuteScalar() is null)
        {
            return false;
        }

        RemoveContribution(connection, documentId, cancellationToken);
        transaction.Commit();
        return true;
    }, cancellationToken);

    public Task ReplaceTaxonomyAsync(IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // label <> 'Duty' lets SQLite use the (partial) name index instead of reading every node. The documents' own
            // sectors stay: they are not the taxonomy's to replace.
            Execute(connection, """
                DELETE FROM node_text WHERE rowid IN (
                    SELECT key FROM nodes WHERE label = 'Sector' AND label <> 'Duty' AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.node_id = nodes.id));
                DELETE FROM nodes WHERE label = 'Sector' AND label <> 'Duty' AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.node_id = nodes.id);
                DELETE FROM sector_names WHERE NOT EXISTS (SELECT 1 FROM contributions c WHERE c.node_id = sector_names.sector_id);
                """);
            using (var writer = new NodeWriter(connection))
            {
                foreach (var sector in sectors)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.Upsert(NodeRow.Of(sector), documentId: null);
                }
            }

            InsertSectorNames(connection, sectors);

            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    // The names a sector is asked for by (GetSectorClosureAsync): its own and its aliases.
    private static void InsertSectorNames(SqliteConnection connection, IEnumerable<Sector> sectors)
    {
        using var name = Command(connection, "INSERT OR IGNORE INTO sector_names (name, sector_id) VALUES ($name, $id);", ("$name", ""), ("$id", ""));
        foreach (var sector in sectors)
        {
            foreach (var alias in sector.Aliases.Prepend(sector.Name))
            {
                name.Parameters["$name"].Value = alias.Trim();
                name.Parameters["$id"].Value = sector.Id;
                name.ExecuteNonQuery();
            }
        }
    }

    // After a migration that rebuilt the full-text index: every node's grams again, in the open transaction.
    private static void RefillFullText(SqliteConnection connection)
    {
        var rows = new List<(long Key, string Data)>();
        using (var all = Command(connection, "SELECT key, data FROM nodes;"))
        using (var reader = all.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        using var writer = new NodeWriter(connection);
        foreach (var (key, data) in rows)
        {
            writer.InsertText(key, NodeRow.Of(NodeRow.Read(data)));
        }
    }

    // Takes out everything a document contributed: its edges, its contributions, the nodes nobody else
    // contributes, and the document itself. Shared nodes that showed this document's version fall back to the
    // latest remaining contributor's.
    private static void RemoveContribution(SqliteConnection connection, string documentId, CancellationToken cancellationToken)
    {
        using (var edges = Command(connection, "DELETE FROM edges WHERE document_id = $doc;", ("$doc", documentId)))
        {
            edges.ExecuteNonQuery();
        }

        var contributed = new List<string>();
        using (var contributions = Command(connection,
            "DELETE FROM contributions WHERE document_id = $doc RETURNING node_id;", ("$doc", documentId)))
        using (var reader = contributions.ExecuteReader())
        {
            while (reader.Read())
            {
                contributed.Add(reader.GetString(0));
            }
        }

        var ids = IdList(contributed);
        using (var orphans = Command(connection, """
            DELETE FROM node_text WHERE rowid IN (
                SELECT n.key FROM nodes n
                WHERE n.id IN (SELECT value FROM json_each($ids))
                  AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.node_id = n.id));
            DELETE FROM nodes
            WHERE id IN (SELECT value FROM json_each($ids))
              AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.node_id = nodes.id);
            """, ("$ids", ids)))
        {
            orphans.ExecuteNonQuery();
        }

        // A document sector goes with its document, and so do the names it is asked for by.
        using (var names = Command(connection, """
            DELETE FROM sector_names
            WHERE sector_id IN (SELECT value FROM json_each($ids)) AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = sector_names.sector_id);
            """, ("$ids", ids)))
        {
            names.ExecuteNonQuery();
        }

        var fallbacks = new List<(string DocumentId, string Data)>();
        using (var survivors = Command(connection, """
            SELECT c.document_id, c.data FROM nodes n
            JOIN contributions c ON c.seq = (
                SELECT max(seq) FROM contributions WHERE node_id = n.id AND data IS NOT NULL)
            WHERE n.id IN (SELECT value FROM json_each($ids)) AND n.document_id = $doc;
            """, ("$ids", ids), ("$doc", documentId)))
        using (var reader = survivors.ExecuteReader())
        {
            while (reader.Read())
            {
                fallbacks.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        using (var writer = new NodeWriter(connection))
        {
            foreach (var (contributor, data) in fallbacks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Upsert(NodeRow.Of(NodeRow.Read(data)), contributor);
            }
        }

        using var document = Command(connection, "DELETE FROM documents WHERE id = $doc;", ("$doc", documentId));
        document.ExecuteNonQuery();
    }

    private static void InsertEdges(SqliteConnection connection, Document document, IReadOnlyList<GraphEdge> edges, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, """
            INSERT INTO edges (document_id, jurisdiction_id, id, type, from_id, to_id, evidence, scope, source_document_id, locator, start, length, basis)
            VALUES ($doc, $place, $id, $type, $from, $to, $evidence, $scope, $source, $locator, $start, $length, $basis);
            """,
            ("$doc", document.Id), ("$place", document.JurisdictionId), ("$id", ""), ("$type", ""), ("$from", ""), ("$to", ""), ("$evidence", null),
            ("$scope", null), ("$source", null), ("$locator", null), ("$start", null), ("$length", null), ("$basis", null));
        insert.Prepare();
        foreach (var edge in edges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Set(insert, "$id", edge.Id);
            Set(insert, "$type", edge.Type.ToString());
            Set(insert, "$from", edge.FromId);
            Set(insert, "$to", edge.ToId);
            Set(insert, "$evidence", edge.Evidence.Count == 0 ? null : JsonSerializer.Serialize(edge.Evidence, NodeJson.Stored.IReadOnlyListString));
            Set(insert, "$scope", edge.Scope);
            Set(insert, "$source", edge.Source?.DocumentId);
            Set(insert, "$locator", edge.Source?.Locator);
            Set(insert, "$start", edge.Source?.Start);
            Set(insert, "$length", edge.Source?.Length);
            Set(insert, "$basis", edge.Basis.Count == 0 ? null : JsonSerializer.Serialize(edge.Basis, NodeJson.Stored.IReadOnlyListRoleBasis));
            insert.ExecuteNonQuery();
        }
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    // Prepared statements for writing nodes: the row, its full-text entry and its contribution.
    private sealed class NodeWriter : IDisposable
    {
        private static readonly (string, object?)[] NodeParameters =
        [
            ("$id", ""), ("$label", ""), ("$name", ""), ("$jurisdiction", null), ("$agency", null), ("$in", null),
            ("$owner", null), ("$host", null), ("$parent", null), ("$doc", null), ("$data", ""), ("$sort", ""),
        ];

        private static readonly string[] Labels = Enum.GetNames<NodeLabel>();

        private readonly Dictionary<string, long> _placeCodes = [];
        private readonly Dictionary<long, long> _nextKeys = [];
        private readonly SqliteCommand _highestKey;
        private readonly SqliteCommand _place;
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _deleteText;
        private readonly SqliteCommand _insertText;
        private readonly SqliteCommand _contribute;

        public NodeWriter(SqliteConnection connection)
        {
            // Insert, or when the node exists (a shared node, a sector), update it and drop its old full-text
            // entry. Deleting an entry that is not there would still leave a tombstone in a contentless index.
            _insert = Command(connection, """
                INSERT INTO nodes (key, id, label, name, sort_name, jurisdiction_id, agency_type, in_id, owner_id, host_id, parent_id, document_id, data)
                VALUES ($key, $id, $label, $name, $sort, $jurisdiction, $agency, $in, $owner, $host, $parent, $doc, $data)
                ON CONFLICT (id) DO NOTHING;
                """, [("$key", 0L), .. NodeParameters]);
            _update = Command(connection, """
                UPDATE nodes SET
                    label = $label, name = $name, sort_name = $sort, jurisdiction_id = $jurisdiction, agency_type = $agency, in_id = $in,
                    owner_id = $owner, host_id = $host, parent_id = $parent, document_id = $doc, data = $data
                WHERE id = $id
                RETURNING key;
                """, NodeParameters);
            _deleteText = Command(connection, "DELETE FROM node_text WHERE rowid = $key;", ("$key", 0L));
            _insertText = Command(connection, $"""
                INSERT INTO node_text (rowid, {string.Join(", ", Labels)})
                VALUES ($key, {string.Join(", ", Labels.Select(l => "$" + l))});
                """,
                [("$key", 0L), .. Labels.Select(l => ("$" + l, (object?)null))]);
            _highestKey = Command(connection, "SELECT max(key) FROM nodes WHERE key BETWEEN $first AND $last;", ("$first", 0L), ("$last", 0L));
            _contribute = Command(connection, """
                INSERT INTO contributions (document_id, node_id, data) VALUES ($doc, $id, $data)
                ON CONFLICT (document_id, node_id) DO UPDATE SET data = excluded.data;
                """, ("$doc", ""), ("$id", ""), ("$data", null));
            _place = Command(connection, """
                INSERT INTO places (jurisdiction_id) VALUES ($jurisdiction)
                ON CONFLICT (jurisdiction_id) DO UPDATE SET jurisdiction_id = excluded.jurisdiction_id
                RETURNING code;
                """, ("$jurisdiction", ""));
            _insert.Prepare();
            _update.Prepare();
            _highestKey.Prepare();
            _deleteText.Prepare();
            _insertText.Prepare();
            _contribute.Prepare();
        }

        public void Upsert(NodeRow row, string? documentId)
        {
            // A new row takes the next key of its place's range; an existing one (a shared node, a sector) keeps
            // its key, and its old full-text entry goes.
            var place = row.JurisdictionId is null ? 0 : PlaceCode(row.JurisdictionId);
            var key = NextKey(place);
            Set(_insert, "$key", key);
            Bind(_insert, row, documentId);
            if (_insert.ExecuteNonQuery() == 1)
            {
                _nextKeys[place] = key + 1;
            }
            else
            {
                Bind(_update, row, documentId);
                key = Convert.ToInt64(_update.ExecuteScalar(), CultureInfo.InvariantCulture);
                Set(_deleteText, "$key", key);
                _deleteText.ExecuteNonQuery();
            }

            InsertText(key, row);
        }

        // The node's grams go in its label's column; its key says its place.
        public void InsertText(long key, NodeRow row)
        {
            Set(_insertText, "$key", key);
            foreach (var column in Labels)
            {
                Set(_insertText, "$" + column, column == row.Label ? SearchGrams.ForIndex(row.SearchText) : null);
            }

            _insertText.ExecuteNonQuery();
        }

        // The next free key in a place's range: one past the highest key used there, read once per transaction.
        private long NextKey(long place)
        {
            if (_nextKeys.TryGetValue(place, out var next))
            {
                return next;
            }

            var (first, last) = NodeKeys.Of(place);
            Set(_highestKey, "$first", first);
            Set(_highestKey, "$last", last);
            next = _highestKey.ExecuteScalar() is long highest ? highest + 1 : first;
            if (next > last)
            {
                throw new GraphStoreException("PLACE_FULL",
                    $"地区编号 {place} 的节点编号已用尽 (the place's range of {NodeKeys.PerPlace} node keys is used up); 请导出后重建数据库。");
            }

            return _nextKeys[place] = next;
        }

        private static void Bind(SqliteCommand command, NodeRow row, string? documentId)
        {
            Set(command, "$id", row.Id);
            Set(command, "$label", row.Label);
            Set(command, "$name", row.Name);
            Set(command, "$sort", row.SortName);
            Set(command, "$jurisdiction", row.JurisdictionId);
            Set(command, "$agency", row.AgencyType);
            Set(command, "$in", row.InId);
            Set(command, "$owner", row.OwnerId);
            Set(command, "$host", row.HostId);
            Set(command, "$parent", row.ParentId);
            Set(command, "$doc", documentId);
            Set(command, "$data", row.Data);
        }

        // A place's short number for its full-text tokens, given once and kept (places.code).
        private long PlaceCode(string jurisdictionId)
        {
            if (!_placeCodes.TryGetValue(jurisdictionId, out var code))
            {
                Set(_place, "$jurisdiction", jurisdictionId);
                code = _placeCodes[jurisdictionId] = Convert.ToInt64(_place.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            return code;
        }

        public void Contribute(string documentId, NodeRow row, bool keepCopy)
        {
            Set(_contribute, "$doc", documentId);
            Set(_contribute, "$id", row.Id);
            Set(_contribute, "$data", keepCopy ? row.Data : null);
            _contribute.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _place.Dispose();
            _highestKey.Dispose();
            _insert.Dispose();
            _update.Dispose();
            _deleteText.Dispose();
            _insertText.Dispose();
            _contribute.Dispose();
        }
    }
}
