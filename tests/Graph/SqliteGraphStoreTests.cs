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
    public async Task Upgrades_a_first_version_file_and_refills_its_full_text_index()
    {
        var path = Path.Combine(_directory, "version-1.db");
        var doc = new TestDocument("昆山市", "职责规定");
        var duty = doc.Duty(doc.Body("市商务局", "商务"), "督促餐饮企业落实燃气安全。");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.Migrations[0] + "PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO nodes (id, label, name, jurisdiction_id, owner_id, data) VALUES ($id, 'Duty', $name, $place, $owner, $data);";
            command.Parameters.AddWithValue("$id", duty.Id);
            command.Parameters.AddWithValue("$name", duty.Text);
            command.Parameters.AddWithValue("$place", doc.Place.Id);
            command.Parameters.AddWithValue("$owner", duty.OwnerId);
            command.Parameters.AddWithValue("$data", NodeRow.Of(duty).Data);
            command.ExecuteNonQuery();
        }

        using var store = new SqliteGraphStore(path);
        await store.InitializeAsync();

        var inPlace = await store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, doc.Place.Id));
        Assert.Equal([duty.Id], inPlace.Items.Select(h => h.Node.Id));
        Assert.Equal(1, (await store.SearchAsync(new TextQuery("餐饮"))).TotalCount);
        Assert.Empty((await store.SearchAsync(new TextQuery("燃气", NodeLabel.Body))).Items);
        var duties = await store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, doc.Place.Id));
        Assert.Equal([duty.Id], duties.Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Counts_every_match_of_a_search_whose_page_is_past_the_end()
    {
        var doc = new TestDocument("昆山市", "职责规定");
        var office = doc.Body("市商务局", "商务");
        doc.Duty(office, "督促餐饮企业落实燃气安全。");
        doc.Duty(office, "检查燃气管道。");
        await Store.LoadDocumentAsync(doc.Build());

        var past = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, doc.Place.Id, Skip: 5, Take: 5));
        var none = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, Take: 0));

        Assert.Empty(past.Items);
        Assert.Equal(2, past.TotalCount);
        Assert.Empty(none.Items);
        Assert.Equal(2, none.TotalCount);
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
