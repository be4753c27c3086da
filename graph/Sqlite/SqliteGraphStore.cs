using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Sqlite;

/// <summary>The embedded store: one SQLite database file in WAL mode. Every write is one transaction, so readers
/// (which never block in WAL mode) see a document's old version or its new one, never a mix.</summary>
public sealed partial class SqliteGraphStore : IGraphStore, IDisposable
{
    private readonly string _connectionString;

    public SqliteGraphStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath { get; }

    // Pooled connections keep the file open; let it go (a test deletes its file, a host shuts down).
    public void Dispose()
    {
        CloseVersionReader();
        CloseReaders();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        return Run(Migrate, cancellationToken);
    }

    private bool Migrate(SqliteConnection connection)
    {
        // A file this program cannot take is refused before anything in it changes.
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > SqliteSchema.Migrations.Count)
        {
            throw new GraphStoreException("SCHEMA_TOO_NEW",
                $"数据库版本 {version} 高于本程序支持的版本 {SqliteSchema.Migrations.Count} (the database was written by a newer SafetyDuty).");
        }

        if (version is > 0 and < SqliteSchema.DocumentsReloadedBy
            && Scalar(connection, "SELECT 1 FROM documents LIMIT 1;") is not null)
        {
            throw new GraphStoreException("SCHEMA_RELOAD_REQUIRED",
                $"数据库 {DatabasePath} 由旧版本建立，其中文件的编号方案已变，无法就地升级。文件未作任何改动；请另指定一个新的数据库文件"
                + $"（Store:Path 或 --db）并重新导入文件 (the database holds documents under an older id scheme; load them into a new file).");
        }

        // WAL is a property of the file: set once, every later connection uses it.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        for (var next = version; next < SqliteSchema.Migrations.Count; next++)
        {
            Execute(connection, SqliteSchema.Migrations[next]);
            // PRAGMA takes no parameters; the value is our own counter, not input.
            Execute(connection, $"PRAGMA user_version = {next + 1};");
        }

        if (version is > 0 and < SqliteSchema.FullTextRebuiltBy)
        {
            RefillFullText(connection);
        }

        transaction.Commit();
        return true;
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = Open();
            return Task.FromResult(Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM documents;"), CultureInfo.InvariantCulture) >= 0);
        }
        catch (SqliteException)
        {
            return Task.FromResult(false);
        }
    }

    // A connection per operation: Microsoft.Data.Sqlite pools them, so this is cheap. Per-connection settings:
    // wait for a writer rather than fail at once; NORMAL sync is crash-safe in WAL mode (a killed process loses no
    // committed transaction; only a power cut may lose the last ones). A pooled connection keeps its page cache
    // between operations, so a large one spares bulk loads re-reading the indexes they update; mmap lets reads
    // use the OS cache without copying. Checkpointing every 1,000 pages (the default) copies and syncs the same
    // hot index pages over and over during a bulk load; a 64,000-page (256 MB) WAL checkpoints far less often (a load
    // of 1,000 places took 10 % less time than with 16,000 pages). The WAL file grows to that size during a bulk load
    // and is removed when the last connection closes.
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The pool hands back the same native handle, which keeps these settings: apply them once per handle, not on
        // every operation (they cost as much as a small read).
        if (!ConfiguredHandles.TryAdd(connection.Handle!, true))
        {
            return connection;
        }

        Execute(connection, """
            PRAGMA busy_timeout = 10000;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -131072;
            PRAGMA temp_store = MEMORY;
            PRAGMA mmap_size = 1073741824;
            PRAGMA wal_autocheckpoint = 64000;
            """);
        return connection;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = [];

    private Task<T> Run<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = Open();
            return Task.FromResult(work(connection));
        }
        catch (SqliteException e)
        {
            throw Failure(e);
        }
    }

    // SQLite's error as the store contract reports it, with SQLite's code (SQLITE_BUSY, …).
    private static GraphStoreException Failure(SqliteException e) => new(ErrorCode(e), $"SQLite: {e.Message}", e);

    private static string ErrorCode(SqliteException e) => (e.SqliteErrorCode & 0xff) switch
    {
        1 => "SQLITE_ERROR",
        5 => "SQLITE_BUSY",
        6 => "SQLITE_LOCKED",
        8 => "SQLITE_READONLY",
        10 => "SQLITE_IOERR",
        11 => "SQLITE_CORRUPT",
        13 => "SQLITE_FULL",
        14 => "SQLITE_CANTOPEN",
        19 => "SQLITE_CONSTRAINT",
        26 => "SQLITE_NOTADB",
        var other => "SQLITE_" + other.ToString(CultureInfo.InvariantCulture),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string IdList(IEnumerable<string> ids) =>
        System.Text.Json.JsonSerializer.Serialize(ids.ToList(), NodeJson.Stored.IReadOnlyListString);
}
