using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

public class GraphStoreRegistrationTests
{
    [Fact]
    public void Registers_the_embedded_store_at_the_configured_path_by_default()
    {
        var path = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"), "kb.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Path"] = path })
            .Build();

        using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();

        var store = Assert.IsType<SqliteGraphStore>(services.GetRequiredService<IGraphStore>());
        Assert.Equal(path, store.DatabasePath);
        Assert.Same(store, services.GetRequiredService<IGraphStore>());
    }

    [Fact]
    public void Puts_the_default_database_file_under_the_working_directory()
    {
        using var services = new ServiceCollection().AddGraphStore(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var store = Assert.IsType<SqliteGraphStore>(services.GetRequiredService<IGraphStore>());
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "safetyduty.db"), store.DatabasePath);
    }

    [Fact]
    public async Task Registers_the_neo4j_store_configured_by_the_neo4j_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Kind"] = "Neo4j",
                ["Neo4j:Url"] = "http://127.0.0.1:9",
                ["Neo4j:User"] = "neo4j",
                ["Neo4j:Password"] = "verysecret",
                ["Neo4j:Database"] = "safetyduty",
                ["Neo4j:MaxRetryAttempts"] = "0",
            })
            .Build();

        using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();

        var store = Assert.IsType<Neo4jGraphStore>(services.GetRequiredService<IGraphStore>());
        Assert.Same(store, services.GetRequiredService<IGraphStore>());
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Neo4jOptions>>().Value;
        Assert.Equal(("http://127.0.0.1:9", "neo4j", "verysecret", "safetyduty"), (options.Url, options.User, options.Password, options.Database));
        // Nothing listens on the discard port: the store says so instead of throwing.
        Assert.False(await store.IsReachableAsync());
    }

    [Fact]
    public void Refuses_an_unknown_store_kind_with_a_message_that_names_the_setting_and_the_value()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Kind"] = "mysql" })
            .Build();
        using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();

        // Settings are bound when first read (a host reads them at start and refuses to start).
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IGraphStore>());

        Assert.Contains("Store:Kind", error.Message);
        Assert.Contains("mysql", error.InnerException?.Message);
    }

    [Fact]
    public void Takes_the_store_kind_without_regard_to_case()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Kind"] = "SQLITE", ["Store:Path"] = "kb.db" })
            .Build();
        using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();

        Assert.IsType<SqliteGraphStore>(services.GetRequiredService<IGraphStore>());
    }

    [Fact]
    public void Refuses_a_negative_neo4j_batch_size_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Kind"] = "neo4j", ["Neo4j:BatchSize"] = "-5" })
            .Build();
        using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IGraphStore>());

        Assert.Contains("BatchSize", error.Message);
    }
}
