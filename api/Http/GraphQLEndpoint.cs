using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace SafetyDuty.Api.Http;

/// <summary>The GraphQL endpoint, after the GraphQL-over-HTTP specification: POST application/json, GET for queries,
/// Accept negotiation, bounded bodies, status codes from <see cref="GraphQLHttpStatus"/>.</summary>
public sealed class GraphQLEndpoint(
    IDocumentExecuter executer,
    ISchema schema,
    IGraphQLTextSerializer serializer,
    DocumentCache documents,
    ApiKeyCheck apiKeys,
    PersistedQueries persistedQueries,
    ResponseCache responses,
    IOptions<ApiOptions> options)
{
    private readonly ApiOptions _options = options.Value;

    // Answers are written into pooled blocks rather than a growing array: a 50 KB answer otherwise left about twice its
    // size behind in the arrays it outgrew. What the pools keep unused between requests is bounded.
    private static readonly RecyclableMemoryStreamManager AnswerBuffers = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 32 << 20,
    });

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await RejectAsync(http, RequestRejection.MethodNotAllowed, GraphQLHttpStatus.Json, "只支持 GET 与 POST (only GET and POST).");
            return;
        }
        var mediaType = MediaTypeNegotiation.Choose(request);
        if (mediaType is null)
        {
            await RejectAsync(http, RequestRejection.NotAcceptable, GraphQLHttpStatus.Json,
                "只能以 application/graphql-response+json 或 application/json 应答 (Accept allows neither response type).");
            return;
        }

        var (requests, isBatch, rejection, reason) = isGet ? ReadGet(request) : await ReadPostAsync(request, http.RequestAborted);
        if (requests is null)
        {
            await RejectAsync(http, rejection, mediaType, reason);
            return;
        }
        if (!isBatch)
        {
            var answer = await AnswerAsync(http, requests[0], isGet, mediaType, keepWholeAnswers: true);
            if (answer.Kept is { } kept)
            {
                await SendAsync(http, kept, mediaType, StatusCodes.Status200OK);
                return;
            }
            if (answer.Result is null)
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            var status = answer.Status ?? GraphQLHttpStatus.Of(answer.Result, mediaType);
            using var body = await SerializeAsync(answer.Result, http.RequestAborted);
            var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
            if (answer.KeepAs is { } key && status == StatusCodes.Status200OK)
            {
                responses.Keep(key, bytes.Span);
            }
            await SendAsync(http, bytes, mediaType, status);
            return;
        }

        // A batch (Apollo's BatchHttpLink) is answered as an array in the order asked, one after another so that a
        // batch costs the store what its operations would cost sent apart. Each answer carries its own errors.
        var results = new List<ExecutionResult>(requests.Count);
        foreach (var one in requests)
        {
            results.Add((await AnswerAsync(http, one, isGet: false, mediaType, keepWholeAnswers: false)).Result!);
        }
        await WriteAsync(http, results, mediaType, StatusCodes.Status200OK);
    }

    /// <param name="Result">The answer; none for a GET whose tag the client already holds (304), or a kept one.</param>
    /// <param name="Status">The status when the request was refused before it executed.</param>
    /// <param name="Kept">A whole answer to the same question, kept from an earlier request (<see cref="ResponseCache"/>).</param>
    /// <param name="KeepAs">Where to keep this answer if it is whole.</param>
    private readonly record struct Answer(ExecutionResult? Result, int? Status, byte[]? Kept = null, string? KeepAs = null);

    // One operation: its query (a persisted one looked up by hash), parsed once, executed, or a whole answer to the
    // same query kept from before. No result: a GET whose tag the client already holds (304).
    private async Task<Answer> AnswerAsync(HttpContext http, GraphQLRequest graphQLRequest, bool isGet, string mediaType, bool keepWholeAnswers)
    {
        var (resolved, persistedError) = persistedQueries.Resolve(graphQLRequest);
        if (resolved is null)
        {
            var result = new ExecutionResult(persistedError!);
            return new(result, persistedError!.Code == "MALFORMED_REQUEST" ? GraphQLHttpStatus.Of(RequestRejection.MalformedRequest) : GraphQLHttpStatus.Of(result, mediaType));
        }
        graphQLRequest = resolved;
        if (string.IsNullOrWhiteSpace(graphQLRequest.Query))
        {
            return Rejected(RequestRejection.MalformedRequest, "缺少 query (the request has no query).");
        }

        GraphQLDocument document;
        try
        {
            document = documents.GetOrParse(graphQLRequest.Query);
        }
        catch (ExecutionError error)
        {
            return new(new ExecutionResult(error), null);
        }
        persistedQueries.Remember(graphQLRequest);
        var operation = DocumentCache.SelectedOperation(document, graphQLRequest.OperationName)?.Operation;
        if (isGet && operation == OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            return Rejected(RequestRejection.MutationOverGet, "写操作只能用 POST (mutations require POST).");
        }

        // A scope per operation: its batch loader takes one snapshot of the read model, so an operation of a batch
        // sent after a load in the same batch reads what the load wrote; its content version is the one the cursors
        // and the tag carry (one version read for the whole operation).
        await using var scope = http.RequestServices.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<Schema.GraphBatchLoader>();
        var userContext = new GraphQLUserContext(apiKeys.IsAuthorised(http.Request), apiKeys.AnyConfigured,
            async () => (await loader.SnapshotAsync(http.RequestAborted)).Version);
        var keep = keepWholeAnswers && responses.Enabled && operation == OperationType.Query;
        var answerKey = isGet || keep
            ? HttpCaching.AnswerKeyOf(await userContext.ContentVersionAsync(), mediaType, graphQLRequest, serializer.Serialize)
            : null;
        string? etag = null;
        if (isGet)
        {
            // Appended: the CORS middleware may already vary the answer by Origin.
            http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
            etag = HttpCaching.ETagOf(answerKey!);
            if (HttpCaching.IsFresh(http.Request, etag))
            {
                HttpCaching.Mark(http.Response, etag, _options.CacheControl);
                return new(null, StatusCodes.Status304NotModified);
            }
        }
        if (keep && responses.TryGet(answerKey!, out var kept))
        {
            if (etag is not null)
            {
                HttpCaching.Mark(http.Response, etag, _options.CacheControl);
            }
            return new(null, StatusCodes.Status200OK, kept);
        }

        var executed = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = graphQLRequest.Query,
            Document = document,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = scope.ServiceProvider,
            User = http.User,
            UserContext = userContext,
            CancellationToken = http.RequestAborted,
            Timeout = _options.ExecutionTimeout,
        });
        // Only a whole answer is tagged or kept: one with errors may be a timeout or a store that did not answer.
        var whole = executed.Executed && executed.Errors is null or { Count: 0 };
        if (etag is not null && whole)
        {
            HttpCaching.Mark(http.Response, etag, _options.CacheControl);
        }
        return new(executed, null, KeepAs: keep && whole ? answerKey : null);
    }

    private static Answer Rejected(RequestRejection rejection, string reason) =>
        new(new ExecutionResult(new ExecutionError(reason) { Code = Schema.ConstantCase.Of(rejection) }), GraphQLHttpStatus.Of(rejection));

    private (IReadOnlyList<GraphQLRequest>? Requests, bool IsBatch, RequestRejection Rejection, string Reason) ReadGet(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > _options.MaxRequestBytes)
        {
            return (null, false, RequestRejection.PayloadTooLarge, "请求过大 (the request is too large).");
        }
        try
        {
            var query = request.Query;
            return ([new GraphQLRequest
            {
                Query = query["query"].FirstOrDefault(),
                OperationName = query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = query["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }], false, default, "");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return (null, false, RequestRejection.MalformedRequest, "variables 或 extensions 不是有效的 JSON 对象 (variables/extensions are not JSON objects).");
        }
    }

    private async Task<(IReadOnlyList<GraphQLRequest>? Requests, bool IsBatch, RequestRejection Rejection, string Reason)> ReadPostAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, GraphQLHttpStatus.Json, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, false, RequestRejection.UnsupportedMediaType, "请求体须为 application/json (the body must be application/json).");
        }
        if (request.ContentLength > _options.MaxRequestBytes)
        {
            return (null, false, RequestRejection.PayloadTooLarge, $"请求体超过 {_options.MaxRequestBytes} 字节 (the body is too large).");
        }
        var body = await ReadBoundedAsync(request.Body, request.ContentLength, _options.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, false, RequestRejection.PayloadTooLarge, $"请求体超过 {_options.MaxRequestBytes} 字节 (the body is too large).");
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var isBatch = root.ValueKind == JsonValueKind.Array;
            if (isBatch && root.GetArrayLength() is var size && (size == 0 || size > _options.MaxBatchSize))
            {
                return (null, true, RequestRejection.BatchTooLarge,
                    $"一批请求须含 1 至 {_options.MaxBatchSize} 个操作，收到 {size} 个 (a batch holds 1 to {_options.MaxBatchSize} operations; this one has {size}).");
            }
            if (!(isBatch ? root.EnumerateArray().All(IsWellFormed) : IsWellFormed(root)))
            {
                return (null, isBatch, RequestRejection.MalformedRequest,
                    "请求须为 JSON 对象：query 为字符串，variables 与 extensions 为对象 (query must be a string, variables and extensions objects).");
            }
            var text = Encoding.UTF8.GetString(body);
            IReadOnlyList<GraphQLRequest>? requests = isBatch
                ? serializer.Deserialize<List<GraphQLRequest>>(text)
                : serializer.Deserialize<GraphQLRequest>(text) is { } one ? [one] : null;
            return requests is null
                ? (null, false, RequestRejection.MalformedRequest, "请求体为空 (the body is empty).")
                : (requests, isBatch, default, "");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return (null, false, RequestRejection.MalformedRequest, "请求体不是有效的 JSON (the body is not valid JSON).");
        }
    }

    private static bool IsWellFormed(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object
        && HasType(request, "query", JsonValueKind.String)
        && HasType(request, "operationName", JsonValueKind.String)
        && HasType(request, "variables", JsonValueKind.Object)
        && HasType(request, "extensions", JsonValueKind.Object);

    // A member that is absent or null is fine; one of another type makes the request malformed.
    private static bool HasType(JsonElement root, string name, JsonValueKind kind) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null || value.ValueKind == kind;

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        // A declared length (already checked against the limit) is read into an array of that size in one go.
        if (contentLength is { } length)
        {
            var exact = new byte[length];
            await body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private Task RejectAsync(HttpContext http, RequestRejection rejection, string mediaType, string reason) =>
        WriteAsync(http, new ExecutionResult(new ExecutionError(reason) { Code = Schema.ConstantCase.Of(rejection) }), mediaType, GraphQLHttpStatus.Of(rejection));

    private async Task WriteAsync(HttpContext http, ExecutionResult result, string mediaType, int? status = null) =>
        await WriteBodyAsync(http, result, mediaType, status ?? GraphQLHttpStatus.Of(result, mediaType));

    private async Task WriteAsync(HttpContext http, IReadOnlyList<ExecutionResult> results, string mediaType, int status) =>
        await WriteBodyAsync(http, results, mediaType, status);

    private async Task WriteBodyAsync(HttpContext http, object result, string mediaType, int status)
    {
        using var body = await SerializeAsync(result, http.RequestAborted);
        await SendAsync(http, body.GetBuffer().AsMemory(0, (int)body.Length), mediaType, status);
    }

    // Serialised in memory first: the response goes out with a Content-Length in one write, not as chunks flushed one
    // by one (a list of answers is a few kilobytes).
    private async Task<MemoryStream> SerializeAsync(object result, CancellationToken cancellationToken)
    {
        var buffer = AnswerBuffers.GetStream(nameof(GraphQLEndpoint));
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return buffer;
    }

    private static async Task SendAsync(HttpContext http, ReadOnlyMemory<byte> body, string mediaType, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}

/// <summary>Maps the endpoint.</summary>
public static class GraphQLEndpointRouting
{
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder app, string pattern = "/graphql") =>
        app.Map(pattern, context => context.RequestServices.GetRequiredService<GraphQLEndpoint>().HandleAsync(context))
            .RequireCors(CrossOriginCalls.Policy);
}
