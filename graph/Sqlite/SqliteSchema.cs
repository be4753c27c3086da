namespace SafetyDuty.Graph.Sqlite;

// The schema as an ordered list of migrations. PRAGMA user_version records how many have run; a migration is
// appended, never edited, once it has shipped.
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: nodes with the columns reads filter on, per-document contributions, edges, documents, sectors' names
        //    and the bigram full-text index.
        """
        CREATE TABLE nodes (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            jurisdiction_id TEXT,
            agency_type TEXT,
            in_id TEXT,
            owner_id TEXT,
            host_id TEXT,
            parent_id TEXT,
            document_id TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX nodes_by_label_name ON nodes (label, name, id);
        CREATE INDEX nodes_by_jurisdiction ON nodes (label, jurisdiction_id, name, id) WHERE jurisdiction_id IS NOT NULL;
        CREATE INDEX nodes_by_agency_type ON nodes (label, agency_type, name, id) WHERE agency_type IS NOT NULL;
        CREATE INDEX nodes_by_in ON nodes (in_id) WHERE in_id IS NOT NULL;
        CREATE INDEX nodes_by_owner ON nodes (owner_id) WHERE owner_id IS NOT NULL;
        CREATE INDEX nodes_by_host ON nodes (host_id) WHERE host_id IS NOT NULL;
        CREATE INDEX nodes_by_parent ON nodes (parent_id) WHERE parent_id IS NOT NULL;

        CREATE TABLE contributions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL,
            node_id TEXT NOT NULL,
            data TEXT,
            UNIQUE (document_id, node_id)
        );
        CREATE INDEX contributions_by_node ON contributions (node_id);

        CREATE TABLE edges (
            key INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL,
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            from_id TEXT NOT NULL,
            to_id TEXT NOT NULL,
            evidence TEXT,
            scope TEXT,
            source_document_id TEXT,
            locator TEXT,
            start INTEGER,
            length INTEGER,
            UNIQUE (document_id, id)
        );
        CREATE INDEX edges_by_from ON edges (from_id, type);
        CREATE INDEX edges_by_to ON edges (to_id, type);

        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE sector_names (
            name TEXT NOT NULL,
            sector_id TEXT NOT NULL,
            PRIMARY KEY (name, sector_id)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE node_text USING fts5 (
            grams,
            tags,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        """,

        // 2: name order by sort_name, which for a duty is only the start of its text. Indexing whole duty texts
        //    (twice) made the file large and every load slow, and nobody needs duties in exact text order.
        """
        ALTER TABLE nodes ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
        UPDATE nodes SET sort_name = CASE WHEN label = 'Duty' THEN substr(name, 1, 16) ELSE name END;
        DROP INDEX nodes_by_label_name;
        DROP INDEX nodes_by_jurisdiction;
        DROP INDEX nodes_by_agency_type;
        CREATE INDEX nodes_by_label_name ON nodes (label, sort_name, id);
        CREATE INDEX nodes_by_jurisdiction ON nodes (label, jurisdiction_id, sort_name, id) WHERE jurisdiction_id IS NOT NULL;
        CREATE INDEX nodes_by_agency_type ON nodes (label, agency_type, sort_name, id) WHERE agency_type IS NOT NULL;
        """,

        // 3: full text with a column per label and a place column of place-scoped grams (SearchGrams.ForPlace),
        //    instead of filter tags: a tag shared by every duty made bm25 and segment merges read postings as long
        //    as the whole knowledge base. A place's tokens carry its short number from places. The store refills
        //    the index from the nodes after this migration.
        """
        DROP TABLE node_text;
        CREATE VIRTUAL TABLE node_text USING fts5 (
            Jurisdiction, Document, Body, Leader, Duty, Sector, Law,
            place,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE TABLE places (code INTEGER PRIMARY KEY, jurisdiction_id TEXT NOT NULL UNIQUE);
        """,

        // 4: a place is a range of node keys (NodeKeys), so the full-text index narrows to a place by rowid range
        //    and needs no place column: one set of grams per node, half the tokens to write on every load. Ids
        //    begin with their place's digits (StableId.Within), so an index on ids keeps a place together. Duties
        //    leave the name index: they are listed by place (nodes_by_jurisdiction), and their text starts are
        //    scattered over it, one index page written for every duty loaded. An edge records its document's
        //    place, so that one place's edges into a shared node (a sector) are read without every other place's.
        //    The content version (a counter row
        //    bumped by triggers in every writing transaction) moves here from an idempotent script beside the
        //    migrations. A database holding documents under the old ids cannot take this migration; the store
        //    refuses it before running any (SqliteGraphStore.Migrate).
        """
        DROP TABLE node_text;
        CREATE VIRTUAL TABLE node_text USING fts5 (
            Jurisdiction, Document, Body, Leader, Duty, Sector, Law,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        DROP INDEX nodes_by_label_name;
        CREATE INDEX nodes_by_label_name ON nodes (label, sort_name, id) WHERE label <> 'Duty';

        ALTER TABLE edges ADD COLUMN jurisdiction_id TEXT;
        DROP INDEX edges_by_to;
        CREATE INDEX edges_by_to ON edges (to_id, type, jurisdiction_id);

        CREATE TABLE IF NOT EXISTS content_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT OR IGNORE INTO content_version (id, version) VALUES (1, 0);
        CREATE TRIGGER IF NOT EXISTS content_version_on_document_insert AFTER INSERT ON documents
            BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS content_version_on_document_update AFTER UPDATE ON documents
            BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS content_version_on_document_delete AFTER DELETE ON documents
            BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS content_version_on_sector_name_insert AFTER INSERT ON sector_names
            BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS content_version_on_sector_name_delete AFTER DELETE ON sector_names
            BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
        """,

        // 5: a LEAD or ASSIST edge keeps how the document states it (RoleBasis: table column, tag, heading, verb,
        //    with the words), so that every answer can say why a body leads. Edges written before have none; the
        //    role model then reads them as stated by a verb.
        """
        ALTER TABLE edges ADD COLUMN basis TEXT;
        """,
    ];

    // The migration after which the full-text index must be refilled from the nodes (its grams are made in C#).
    public const int FullTextRebuiltBy = 4;

    // The first migration that cannot keep a database's documents: their ids were made by the old scheme.
    public const int DocumentsReloadedBy = 4;
}
