using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Sqlite;

namespace SafetyDuty.Tests.Graph;

// Database files as earlier versions of the embedded store wrote them.
internal static class OldDatabaseFile
{
    // Schema 3 holding one document, stored under an id of the scheme before StableId.Within: a file that
    // migration 4 cannot keep.
    public static void WriteSchema3WithADocument(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(SqliteSchema.Migrations.Take(3)) + "PRAGMA user_version = 3;"
            + "INSERT INTO documents (id, content_hash, text) VALUES ('doc_0123456789abcdef', 'h', '昆山市安全生产职责规定');";
        command.ExecuteNonQuery();
    }
}
