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
    public void Refuses_an_unknown_store_kind_with_a_message_that_names_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Kind"] = "mysql" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGraphStore(configuration));

        Assert.Contains("mysql", error.Message);
    }
}
