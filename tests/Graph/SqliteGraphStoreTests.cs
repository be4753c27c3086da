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
    public async Task Sees_the_content_version_another_store_on_the_same_file_moved_and_reads_it_again_after_dispose()
    {
        // The API reads the version through one prepared statement on a connection of its own; an ingest run beside
        // it writes through another store (another process in real use). Each read must see the last commit.
        var reader = (SqliteGraphStore)Store;
        var before = await reader.GetContentVersionAsync();
        using (var writer = new SqliteGraphStore(DatabasePath))
        {
            var doc = new TestDocument("吴江区", "安全生产职责清单");
            doc.Duty(doc.Body("区应急管理局", "应急管理"), "负责全区安全生产综合监督管理。");
            await writer.LoadDocumentAsync(doc.Build());
            Assert.Equal(await writer.GetContentVersionAsync(), await reader.GetContentVersionAsync());
        }
        var after = await reader.GetContentVersionAsync();
        Assert.NotEqual(before, after);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => reader.GetContentVersionAsync())));
        Assert.All(concurrent, version => Assert.Equal(after, version));

        reader.Dispose();
        Assert.Equal(after, await reader.GetContentVersionAsync());
    }

    [Fact]
    public async Task Upgrades_a_first_version_file_holding_the_taxonomy_and_refills_its_full_text_index()
    {
        var path = Path.Combine(_directory, "version-1.db");
        // A first-version file: migration 1 alone, then the taxonomy's nodes and names as that version wrote them.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            void Execute(string sql, params (string Name, object? Value)[] parameters)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                command.ExecuteNonQuery();
            }

            Execute(SqliteSchema.Migrations[0] + "PRAGMA user_version = 1;");
            foreach (var sector in TestTaxonomy.Sectors)
            {
                Execute("INSERT INTO nodes (id, label, name, parent_id, data) VALUES ($id, 'Sector', $name, $parent, $data);",
                    ("$id", sector.Id), ("$name", sector.Name), ("$parent", sector.ParentId), ("$data", NodeRow.Of(sector).Data));
                foreach (var name in sector.Aliases.Prepend(sector.Name))
                {
                    Execute("INSERT OR IGNORE INTO sector_names (name, sector_id) VALUES ($name, $id);", ("$name", name), ("$id", sector.Id));
                }
            }
        }

        using var store = new SqliteGraphStore(path);
        await store.InitializeAsync();

        Assert.Contains(TestTaxonomy.Sectors.Single(s => s.Name == "城镇燃气").Id,
            (await store.SearchAsync(new TextQuery("燃气", NodeLabel.Sector))).Items.Select(h => h.Node.Id));
        Assert.Contains("城镇燃气", (await store.GetSectorClosureAsync("燃气")).Select(s => s.Name));

        // Documents load into the upgraded file, are found in their place, and move the content version.
        var before = await store.GetContentVersionAsync();
        var doc = new TestDocument("昆山市", "职责规定");
        var duty = doc.Duty(doc.Body("市商务局", "商务"), "督促餐饮企业落实燃气安全。");
        await store.LoadDocumentAsync(doc.Build());
        Assert.NotEqual(before, await store.GetContentVersionAsync());
        var inPlace = await store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, doc.Place.Id));
        Assert.Equal([duty.Id], inPlace.Items.Select(h => h.Node.Id));
        Assert.Equal([duty.Id], (await store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, doc.Place.Id))).Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Refuses_a_file_whose_documents_were_stored_under_the_old_ids_and_leaves_it_untouched()
    {
        var path = Path.Combine(_directory, "version-3.db");
        OldDatabaseFile.WriteSchema3WithADocument(path);

        var bytes = await File.ReadAllBytesAsync(path);
        using var store = new SqliteGraphStore(path);

        var refused = await Assert.ThrowsAsync<GraphStoreException>(() => store.InitializeAsync());

        Assert.Equal("SCHEMA_RELOAD_REQUIRED", refused.Code);
        Assert.Contains(path, refused.Message);
        Assert.Contains("重新导入", refused.Message);
        store.Dispose();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
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
    public async Task Searches_on_connections_kept_open_see_every_commit_and_work_again_after_dispose()
    {
        // Searches run on connections kept open with their statements compiled: each search must still see the last
        // commit, from this store or another on the same file (an ingest run beside the API).
        var reader = (SqliteGraphStore)Store;
        var doc = new TestDocument("昆山市", "职责规定");
        doc.Duty(doc.Body("市商务局", "商务"), "督促餐饮企业落实燃气安全。");
        await reader.LoadDocumentAsync(doc.Build());
        async Task<(int Everywhere, int InPlace)[]> SearchAsync() => await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            ((await reader.SearchAsync(new TextQuery("燃气", NodeLabel.Duty))).TotalCount,
             (await reader.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, doc.Place.Id))).TotalCount))));
        Assert.All(await SearchAsync(), counts => Assert.Equal((1, 1), counts));

        using (var writer = new SqliteGraphStore(DatabasePath))
        {
            var other = new TestDocument("吴江区", "安全生产职责清单");
            other.Duty(other.Body("区住房和城乡建设局", "住房城乡建设"), "负责全区燃气行业安全监管。");
            await writer.LoadDocumentAsync(other.Build());
        }
        Assert.All(await SearchAsync(), counts => Assert.Equal((2, 1), counts));

        var more = new TestDocument("昆山市", "燃气职责补充");
        more.Duty(more.Body("市住房和城乡建设局", "住房城乡建设"), "负责全市燃气经营许可。");
        await reader.LoadDocumentAsync(more.Build());
        Assert.All(await SearchAsync(), counts => Assert.Equal((3, 2), counts));

        reader.Dispose();
        Assert.Equal(3, (await reader.SearchAsync(new TextQuery("燃气", NodeLabel.Duty))).TotalCount);
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
