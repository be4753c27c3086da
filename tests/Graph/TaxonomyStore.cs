using SafetyDuty.Graph.Sqlite;

namespace SafetyDuty.Tests.Graph;

/// <summary>An embedded store in a directory of its own, holding the test taxonomy; the directory goes with it.</summary>
internal sealed class TaxonomyStore : IDisposable
{
    private readonly string _directory;

    private TaxonomyStore(string directory, SqliteGraphStore store)
    {
        _directory = directory;
        Store = store;
    }

    public SqliteGraphStore Store { get; }

    public static async Task<TaxonomyStore> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));
        var store = new SqliteGraphStore(Path.Combine(directory, "graph.db"));
        await store.InitializeAsync();
        await store.ReplaceTaxonomyAsync(TestTaxonomy.Sectors);
        return new TaxonomyStore(directory, store);
    }

    public void Dispose()
    {
        Store.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
