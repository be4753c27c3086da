using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafetyDuty.Graph.Sqlite;

// The content version: one counter row that triggers bump inside the writing transaction itself, so it changes
// exactly when a commit changes what readers see, whichever process wrote the file. Every write changes the
// documents table (a load inserts, a replacement deletes and inserts, a removal deletes) or the sector names (the
// taxonomy); an Unchanged load writes nothing, so the version stays.
public sealed partial class SqliteGraphStore
{
    public Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default) => Run(connection =>
        Convert.ToInt64(Scalar(connection, "SELECT version FROM content_version WHERE id = 1;"), CultureInfo.InvariantCulture),
        cancellationToken);

    private static class ContentVersion
    {
        // Idempotent, outside the numbered migrations: it adds a table and triggers, and changes no existing data.
        private const string Schema = """
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
            """;

        public static void Install(SqliteConnection connection) => Execute(connection, Schema);
    }
}
