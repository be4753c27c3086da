using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Neo4j;

/// <summary>One Cypher statement and its parameters. The text is built only from constants and the allow-listed
/// labels and relationship types; every value travels in <see cref="Parameters"/>.</summary>
public sealed record Neo4jStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public Neo4jStatement(string text)
        : this(text, new Dictionary<string, object?>())
    {
    }
}

/// <summary>A statement's result: <c>data.fields</c> and <c>data.values</c> (an array of rows, each an array).</summary>
public sealed class Neo4jResult
{
    public Neo4jResult(IReadOnlyList<string> fields, IReadOnlyList<JsonElement[]> rows, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        Rows = rows;
        Bookmarks = bookmarks;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<JsonElement[]> Rows { get; }

    public IReadOnlyList<string> Bookmarks { get; }

    public int Column(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return i;
            }
        }

        // Without rows the column is never read; only a row without it is a broken answer.
        if (Rows.Count == 0)
        {
            return -1;
        }

        throw new GraphStoreException(Neo4jQueryApiClient.InvalidResponseCode, $"Neo4j 的结果缺少字段 {field} (field missing from the result).");
    }
}

/// <summary>Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c> and explicit transactions under
/// <c>/query/v2/tx</c>) over <see cref="HttpClient"/>, with retries, a circuit breaker and timeouts.
/// Only idempotent work is replayed: a single implicit statement, or a whole explicit transaction from its start.</summary>
public sealed class Neo4jQueryApiClient
{
    public const string AffinityHeader = "neo4j-cluster-affinity";
    public const string TransportFailureCode = "SafetyDuty.Neo4j.TransportFailure";
    public const string TimeoutCode = "SafetyDuty.Neo4j.Timeout";
    public const string CircuitOpenCode = "SafetyDuty.Neo4j.CircuitOpen";
    public const string InvalidResponseCode = "SafetyDuty.Neo4j.InvalidResponse";
    private const string UnauthorizedCode = "Neo.ClientError.Security.Unauthorized";

    // Chinese parameters stay readable in request bodies; the body is never embedded in HTML.
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly Uri _queryUri;
    private readonly Uri _transactionUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline _pipeline;

    public Neo4jQueryApiClient(HttpClient http, Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        var root = options.Url.TrimEnd('/');
        var database = Uri.EscapeDataString(options.Database);
        _queryUri = new Uri($"{root}/db/{database}/query/v2");
        _transactionUri = new Uri($"{root}/db/{database}/query/v2/tx");
        _authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>True for failures worth replaying: a Neo.TransientError.* code (whatever the HTTP status),
    /// a transport failure, or an attempt that timed out.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        GraphStoreException e => e.Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
            || e.Code == TransportFailureCode,
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>Runs one statement in an implicit transaction. The statement must be idempotent: it is replayed
    /// after a transient failure.</summary>
    public Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            async token => (await SendAsync(HttpMethod.Post, _queryUri, statement, affinity: null, token)).Result,
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one explicit transaction and commits it, unless the work closed the
    /// transaction itself. After a transient failure the transaction is rolled back and the whole work replayed from
    /// a new transaction, so the work must be idempotent as a whole.</summary>
    public Task<T> RunTransactionAsync<T>(
        Func<Neo4jTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ExecuteAsync(
            async token =>
            {
                var transaction = await BeginAsync(token);
                try
                {
                    var result = await work(transaction, token);
                    if (!transaction.IsClosed)
                    {
                        await transaction.CommitAsync(token);
                    }

                    return result;
                }
                catch (Exception) when (!transaction.IsClosed)
                {
                    await transaction.TryRollbackAsync();
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>Opens an explicit transaction without retries; most callers want <see cref="RunTransactionAsync{T}"/>.</summary>
    public async Task<Neo4jTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        var (_, id, affinity) = await SendAsync(HttpMethod.Post, _transactionUri, statement: null, affinity: null, cancellationToken);
        if (string.IsNullOrEmpty(id))
        {
            throw new GraphStoreException(InvalidResponseCode, "Neo4j 未返回事务编号 (no transaction.id in the response).");
        }

        return new Neo4jTransaction(this, new Uri($"{_transactionUri}/{Uri.EscapeDataString(id)}"), id, affinity);
    }

    internal async Task<(Neo4jResult Result, string? TransactionId, string? Affinity)> SendAsync(
        HttpMethod method,
        Uri uri,
        Neo4jStatement? statement,
        string? affinity,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        if (method != HttpMethod.Delete)
        {
            request.Content = statement is null
                ? new ByteArrayContent([])
                : new ByteArrayContent(SerializeStatement(statement));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
            // A 202 can still carry errors (a failure after streaming started): the body is always read.
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GraphStoreException(TransportFailureCode, $"无法连接 Neo4j (transport failure): {e.Message}", e);
        }

        using (response)
        {
            var echoed = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            var (result, transactionId) = Parse(response.StatusCode, body);
            return (result, transactionId, echoed ?? affinity);
        }
    }

    /// <summary>The request body: <c>statement</c> first, then <c>parameters</c>.</summary>
    public static byte[] SerializeStatement(Neo4jStatement statement)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BodyJson.Encoder }))
        {
            // The Query API reads "statement" before "parameters"; the order is written explicitly.
            writer.WriteStartObject();
            writer.WriteString("statement", statement.Text);
            writer.WritePropertyName("parameters");
            JsonSerializer.Serialize(writer, statement.Parameters, BodyJson);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static (Neo4jResult Result, string? TransactionId) Parse(HttpStatusCode status, string body)
    {
        JsonDocument? document = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException) when ((int)status >= 400)
            {
                // A proxy's HTML error page: the status decides below.
            }
            catch (JsonException e)
            {
                throw new GraphStoreException(InvalidResponseCode, $"Neo4j 返回了无法解析的内容 (invalid JSON, HTTP {(int)status}).", e);
            }
        }

        using (document)
        {
            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } r
                && r.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
                var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                throw new GraphStoreException(
                    code.Length > 0 ? code : $"Http.{(int)status}",
                    $"Neo4j 报错 (HTTP {(int)status}) {code}: {message}");
            }

            if (status == HttpStatusCode.Unauthorized)
            {
                throw new GraphStoreException(UnauthorizedCode, "Neo4j 拒绝了用户名或密码 (HTTP 401).");
            }

            if ((int)status >= 400)
            {
                // No Neo4j code: only gateway-like statuses are worth another attempt.
                var transient = status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
                throw new GraphStoreException(
                    transient ? TransportFailureCode : $"Http.{(int)status}",
                    $"Neo4j 返回 HTTP {(int)status}，且没有错误代码 (no error code in the body).");
            }

            return root is { ValueKind: JsonValueKind.Object } ok ? ReadResult(ok) : (new Neo4jResult([], [], []), null);
        }
    }

    private static (Neo4jResult Result, string? TransactionId) ReadResult(JsonElement root)
    {
        var fields = new List<string>();
        var rows = new List<JsonElement[]>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                fields.AddRange(f.EnumerateArray().Select(x => x.GetString() ?? ""));
            }

            if (data.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in v.EnumerateArray())
                {
                    // Rows outlive the parsed document, so each value is cloned.
                    rows.Add(row.ValueKind == JsonValueKind.Array
                        ? [.. row.EnumerateArray().Select(x => x.Clone())]
                        : [row.Clone()]);
                }
            }
        }

        var bookmarks = root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        var transactionId = root.TryGetProperty("transaction", out var t) && t.ValueKind == JsonValueKind.Object
            && t.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;
        return (new Neo4jResult(fields, rows, bookmarks), transactionId);
    }

    private async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> callback, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(callback, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new GraphStoreException(CircuitOpenCode, "Neo4j 连续失败，暂停访问 (circuit open).", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GraphStoreException(TimeoutCode, "Neo4j 请求超时 (timeout).", e);
        }
    }

    private static ResiliencePipeline BuildPipeline(Neo4jOptions options, TimeProvider timeProvider)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.OperationTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
    }
}

/// <summary>An open explicit transaction. Every request echoes the <c>neo4j-cluster-affinity</c> header the server
/// sent, so that a cluster routes it to the member that holds the transaction.</summary>
public sealed class Neo4jTransaction
{
    private readonly Neo4jQueryApiClient _client;
    private readonly Uri _uri;

    internal Neo4jTransaction(Neo4jQueryApiClient client, Uri uri, string id, string? affinity)
    {
        _client = client;
        _uri = uri;
        Id = id;
        Affinity = affinity;
    }

    public string Id { get; }

    public string? Affinity { get; private set; }

    public bool IsClosed { get; private set; }

    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        try
        {
            var (result, _, affinity) = await _client.SendAsync(HttpMethod.Post, _uri, statement, Affinity, cancellationToken);
            Affinity = affinity;
            return result;
        }
        catch (GraphStoreException e) when (e.Code != Neo4jQueryApiClient.TransportFailureCode)
        {
            // The server closes a transaction after an error it reports; after a transport failure its state is
            // unknown, so the transaction stays open for the caller to roll back.
            IsClosed = true;
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        IsClosed = true;
        await _client.SendAsync(HttpMethod.Post, new Uri($"{_uri}/commit"), statement: null, Affinity, cancellationToken);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        IsClosed = true;
        await _client.SendAsync(HttpMethod.Delete, _uri, statement: null, Affinity, cancellationToken);
    }

    internal async Task TryRollbackAsync()
    {
        try
        {
            // Not the caller's token: the rollback must go out even when the work was cancelled.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RollbackAsync(timeout.Token);
        }
        catch (Exception e) when (e is GraphStoreException or OperationCanceledException or ObjectDisposedException)
        {
            // The server rolls back on its own when the transaction expires; the original failure matters more.
        }
    }
}
