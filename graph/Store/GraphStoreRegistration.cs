using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Sqlite;

namespace SafetyDuty.Graph.Store;

/// <summary>The backends a store can be (<c>Store:Kind</c>, matched without regard to case).</summary>
public enum StoreKind
{
    /// <summary>The embedded database file, the default.</summary>
    Sqlite,

    /// <summary>A Neo4j server over its HTTP Query API (section <c>Neo4j</c>).</summary>
    Neo4j,
}

/// <summary>Settings of section <c>Store</c> (environment <c>Store__Kind</c>, <c>Store__Path</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Neo4j</c>.</summary>
    [EnumDataType(typeof(StoreKind))]
    public StoreKind Kind { get; set; } = StoreKind.Sqlite;

    /// <summary>The embedded database file; relative paths are under the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "safetyduty.db";
}

public static class GraphStoreRegistration
{
    /// <summary>Registers the one <see cref="IGraphStore"/> that <c>Store:Kind</c> names, as a singleton.
    /// Settings are bound and checked when first read (at start under a host, which then refuses to start);
    /// the caller runs <see cref="IGraphStore.InitializeAsync"/> once at start.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // A host registers its configuration already; a bare collection (the reader's CLI, tests) gets the one given.
        services.TryAddSingleton(configuration);
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Built only when the Neo4j store is chosen. One long-lived client; pooled connections are renewed so that a
        // moved server is found again. Polly times each attempt and the whole operation, so HttpClient's own timeout is off.
        services.AddSingleton(provider => new Neo4jQueryApiClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            provider.GetRequiredService<IOptions<Neo4jOptions>>().Value,
            provider.GetService<TimeProvider>()));

        // The one place a store is chosen.
        services.AddSingleton<IGraphStore>(provider => provider.GetRequiredService<IOptions<StoreOptions>>().Value.Kind switch
        {
            StoreKind.Sqlite => new SqliteGraphStore(provider.GetRequiredService<IOptions<StoreOptions>>().Value.Path),
            StoreKind.Neo4j => new Neo4jGraphStore(
                provider.GetRequiredService<Neo4jQueryApiClient>(),
                provider.GetRequiredService<IOptions<Neo4jOptions>>().Value),
            var kind => throw new InvalidOperationException(
                $"未知的存储类型 Store:Kind = \"{kind}\"，应为 Sqlite 或 Neo4j (unknown store kind)."),
        });

        return services;
    }
}
