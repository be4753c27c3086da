using System.Net;
using System.Text;
using System.Text.Json;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>A request the fake Query API received.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The Cypher statement in the body, when there is one.</summary>
    public string? Statement =>
        Body.Length > 0 && JsonDocument.Parse(Body).RootElement.TryGetProperty("statement", out var s) ? s.GetString() : null;

    public JsonElement Parameters =>
        JsonDocument.Parse(Body).RootElement.TryGetProperty("parameters", out var p) ? p.Clone() : default;
}

/// <summary>A scripted answer: status, JSON body and response headers.</summary>
public sealed record FakeResponse(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Neo4j's HTTP Query API at the process boundary: an <see cref="HttpMessageHandler"/> that records every
/// request and answers from a script (in order) and then from a default that behaves like an empty database.
/// Bodies are the ones Neo4j's Query API documentation shows.</summary>
public sealed class FakeQueryApi : HttpMessageHandler
{
    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";
    public const string TransactionId = "lyU";

    public const string EmptyResult = """{"data":{"fields":[],"values":[]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""";

    private readonly Queue<Func<RecordedRequest, FakeResponse>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    /// <summary>Answers requests the script does not cover; by default an empty database.</summary>
    public Func<RecordedRequest, FakeResponse> Default { get; set; } = EmptyDatabase;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public FakeQueryApi Then(HttpStatusCode status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        Then(_ => new FakeResponse(status, body, headers));

    public FakeQueryApi Then(FakeResponse response) => Then(_ => response);

    public FakeQueryApi Then(Func<RecordedRequest, FakeResponse> answer)
    {
        lock (_gate)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    /// <summary>The default: an explicit transaction opens as "lyU" with an affinity header; every statement returns
    /// no rows.</summary>
    public static FakeResponse EmptyDatabase(RecordedRequest request)
    {
        var inTransaction = request.Path.Contains("/query/v2/tx", StringComparison.Ordinal);
        if (!inTransaction)
        {
            return new FakeResponse(HttpStatusCode.Accepted, EmptyResult);
        }

        var headers = new Dictionary<string, string> { ["neo4j-cluster-affinity"] = Affinity };
        if (request.Method == HttpMethod.Delete || request.Path.EndsWith("/commit", StringComparison.Ordinal))
        {
            return new FakeResponse(HttpStatusCode.Accepted, """{"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""", headers);
        }

        return new FakeResponse(
            HttpStatusCode.Accepted,
            $$$"""{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"{{{TransactionId}}}","expires":"2024-10-22T15:48:29Z"}}""",
            headers);
    }

    public static FakeResponse Rows(string fieldsAndValues, bool inTransaction = false) =>
        new(
            HttpStatusCode.Accepted,
            inTransaction
                ? $$$"""{"data":{{{fieldsAndValues}}},"bookmarks":[],"transaction":{"id":"{{{TransactionId}}}","expires":"2024-10-22T15:48:29Z"}}"""
                : $$"""{"data":{{fieldsAndValues}},"bookmarks":[]}""",
            inTransaction ? new Dictionary<string, string> { ["neo4j-cluster-affinity"] = Affinity } : null);

    public static FakeResponse Error(HttpStatusCode status, string code, string message) =>
        new(status, JsonSerializer.Serialize(new { errors = new[] { new { code, message } } }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, headers, body);
        Func<RecordedRequest, FakeResponse> answer;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = _script.Count > 0 ? _script.Dequeue() : Default;
        }

        var response = answer(recorded);
        var message = new HttpResponseMessage(response.Status)
        {
            Content = new StringContent(response.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
