using System.ComponentModel.DataAnnotations;

namespace SafetyDuty.Api.Http;

/// <summary>Settings of the GraphQL endpoint, bound to the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";

    /// <summary>Keys that may call mutations (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>). None: no writes.</summary>
    public IList<string> Keys { get; init; } = [];

    /// <summary>Deepest selection allowed. GraphiQL's own introspection query is 15 deep.</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest complexity (GraphQL.NET's analyzer: lists count 20 items unless <c>first</c> says otherwise).</summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 50_000;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest accepted request body, also the largest query string of a GET.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 1_048_576;

    public bool EnableIntrospection { get; set; } = true;

    /// <summary><c>Cache-Control</c> of GET answers, which carry an <c>ETag</c>. The default lets caches keep an
    /// answer but ask every time whether it still holds (a 304 while nothing was loaded).</summary>
    public string CacheControl { get; set; } = "no-cache";

    /// <summary>Most operations in one batched POST (a JSON array of requests, as Apollo's BatchHttpLink sends).
    /// A larger batch is refused whole with <c>BATCH_TOO_LARGE</c>.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Apollo's automatic persisted queries (<c>Api:PersistedQueries</c>).</summary>
    public PersistedQuerySettings PersistedQueries { get; init; } = new();

    /// <summary>Cross-origin calls from web pages of other origins (<c>Api:Cors</c>).</summary>
    public CorsSettings Cors { get; init; } = new();

    // Data annotations check one level only: the nested sections' bounds are checked here, so that a
    // wrong value there also stops the start instead of failing the first request that needs it.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PersistedQueries.MaxCharacters < 1)
        {
            yield return new ValidationResult(
                $"Api:PersistedQueries:MaxCharacters 须为正数 (must be positive), 现为 {PersistedQueries.MaxCharacters}.",
                [nameof(PersistedQueries)]);
        }
    }
}

/// <summary>Which other web origins may call the API from a browser.</summary>
public sealed class CorsSettings
{
    /// <summary>Origins as a browser sends them (<c>https://app.example.gov.cn</c>: scheme, host, port, no path).
    /// None, the default: no page of another origin may call the API.</summary>
    public IList<string> AllowedOrigins { get; init; } = [];
}

/// <summary>The store of persisted queries: query texts by their SHA-256, kept in memory.</summary>
public sealed class PersistedQuerySettings
{
    /// <summary>The store's bound, in characters of query text over all entries; the least recently used go first.</summary>
    public long MaxCharacters { get; set; } = 4_000_000;
}
