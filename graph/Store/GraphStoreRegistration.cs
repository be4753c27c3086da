using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Sqlite;

namespace SafetyDuty.Graph.Store;

/// <summary>Settings of section <c>Store</c> (environment <c>Store__Kind</c>, <c>Store__Path</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary><c>sqlite</c> (the embedded default) or <c>neo4j</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>The embedded database file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "safetyduty.db";
}

public static class GraphStoreRegistration
{
    /// <summary>Registers the one <see cref="IGraphStore"/> that <c>Store:Kind</c> names, as a singleton.
    /// The caller runs <see cref="IGraphStore.InitializeAsync"/> once at start.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section));
        var kind = configuration.GetSection(StoreOptions.Section)[nameof(StoreOptions.Kind)] ?? new StoreOptions().Kind;

        // The one place a store is chosen.
        switch (kind.Trim().ToLowerInvariant())
        {
            case "sqlite":
                services.AddSingleton<IGraphStore>(provider =>
                    new SqliteGraphStore(provider.GetRequiredService<IOptions<StoreOptions>>().Value.Path));
                break;
            case "neo4j":
                services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Neo4jOptions.Section));
                services.AddSingleton(provider => new Neo4jQueryApiClient(
                    // One long-lived client; pooled connections are renewed so that a moved server is found again.
                    // Polly times each attempt and the whole operation, so HttpClient's own timeout is off.
                    new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                    {
                        Timeout = Timeout.InfiniteTimeSpan,
                    },
                    provider.GetRequiredService<IOptions<Neo4jOptions>>().Value,
                    provider.GetService<TimeProvider>()));
                services.AddSingleton<IGraphStore>(provider => new Neo4jGraphStore(
                    provider.GetRequiredService<Neo4jQueryApiClient>(),
                    provider.GetRequiredService<IOptions<Neo4jOptions>>().Value));
                break;
            default:
                throw new InvalidOperationException(
                    $"未知的存储类型 Store:Kind = \"{kind}\"，应为 sqlite 或 neo4j (unknown store kind).");
        }

        return services;
    }
}
