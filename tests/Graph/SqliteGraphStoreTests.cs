using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

public sealed class SqliteGraphStoreTests : GraphStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "graph.db");

    protected override Task<IGraphStore> CreateStoreAsync() => Task.FromResult<IGraphStore>(new SqliteGraphStore(DatabasePath));

    protected override Task DropStoreAsync(IGraphStore store)
    {
        ((SqliteGraphStore)store).Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Runs_every_migration_once_and_keeps_the_file_in_wal_mode()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)SqliteSchema.Migrations.Count, command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Keeps_what_it_loaded_in_the_file_for_the_next_process()
    {
        var doc = new TestDocument("昆山市", "职责规定");
        doc.Duty(doc.Body("市商务局", "商务"), "督促餐饮企业落实燃气安全。");
        await Store.LoadDocumentAsync(doc.Build());

        using var reopened = new SqliteGraphStore(DatabasePath);
        await reopened.InitializeAsync();

        Assert.Equal(1, (await reopened.SearchAsync(new TextQuery("餐饮", NodeLabel.Duty))).TotalCount);
        Assert.Equal(LoadOutcome.Unchanged, await reopened.LoadDocumentAsync(doc.Build()));
    }

    [Fact]
    public async Task Reports_a_file_that_is_not_a_database_with_sqlites_error_code()
    {
        var garbage = Path.Combine(_directory, "garbage.db");
        await File.WriteAllTextAsync(garbage, new string('x', 4096));
        using var store = new SqliteGraphStore(garbage);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.InitializeAsync());

        Assert.Equal("SQLITE_NOTADB", error.Code);
        Assert.IsType<SqliteException>(error.InnerException);
        Assert.False(await store.IsReachableAsync());
    }
}
