using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>The store contract against a real Neo4j (≥ 5.26) named by NEO4J_URL, e.g. http://localhost:7474
/// (user and password from NEO4J_USER / NEO4J_PASSWORD, database from NEO4J_DATABASE, default neo4j).
/// Community edition has one user database, so each test starts by emptying it: never point this at real data.</summary>
[RequiresEnvironment("NEO4J_URL", "需要 Neo4j：设置 NEO4J_URL（及 NEO4J_USER、NEO4J_PASSWORD）后运行 (set NEO4J_URL to run the store contract against Neo4j; the database is emptied)")]
public sealed class Neo4jGraphStoreTests : GraphStoreContract, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _http.Dispose();

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var options = new Neo4jOptions
        {
            Url = Environment.GetEnvironmentVariable("NEO4J_URL")!,
            User = Environment.GetEnvironmentVariable("NEO4J_USER") is { Length: > 0 } user ? user : "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
        };
        var client = new Neo4jQueryApiClient(_http, options);
        // Test set-up only, never sent by the store: an empty database for each test.
        await client.RunAsync(new Neo4jStatement("MATCH (n) DETACH DELETE n"));
        return new Neo4jGraphStore(client, options);
    }
}
