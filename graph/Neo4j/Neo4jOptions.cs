using System.ComponentModel.DataAnnotations;

namespace SafetyDuty.Graph.Neo4j;

/// <summary>Connection to a Neo4j server's HTTP Query API (Neo4j ≥ 5.26). Bound to the configuration section
/// <c>Neo4j</c> (environment <c>Neo4j__Url</c>, <c>Neo4j__User</c> …).</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>The server's HTTP address, e.g. http://localhost:7474 (not the bolt:// address).</summary>
    [Required(AllowEmptyStrings = false), Url]
    public string Url { get; set; } = "http://localhost:7474";

    [Required(AllowEmptyStrings = false)]
    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "neo4j";

    /// <summary>Time allowed for one HTTP request, each attempt separately.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one operation, all its retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after a transient failure (a Neo.TransientError.* code or a transport failure).</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Rows sent in one UNWIND batch.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;
}
