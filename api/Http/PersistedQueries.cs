using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SafetyDuty.Api.Http;

/// <summary>Apollo's automatic persisted queries (APQ, see docs/decisions/0005): a client sends only the SHA-256
/// of its query; when the API does not know the hash it answers <c>PERSISTED_QUERY_NOT_FOUND</c>, and the client
/// sends the query once with its hash, which the API checks and keeps. Hash-only requests can then be GETs, which
/// caches and CDNs keep. The store is bounded (<see cref="PersistedQuerySettings.MaxCharacters"/>).</summary>
public sealed class PersistedQueries : IDisposable
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string VersionNotSupported = "PERSISTED_QUERY_VERSION_NOT_SUPPORTED";

    private readonly MemoryCache _queries;

    public PersistedQueries(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.PersistedQueries.MaxCharacters });
    }

    /// <summary>The query a request stands for: its own text, or the persisted text its hash names. An error with a
    /// code clients understand when the hash is unknown, does not match the text, or the protocol version is not 1.
    /// A request without the <c>persistedQuery</c> extension is returned as it is.</summary>
    public (GraphQLRequest? Request, ExecutionError? Error) Resolve(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Extensions?.TryGetValue("persistedQuery", out var value) != true)
        {
            return (request, null);
        }

        if (value is not IDictionary<string, object?> extension
            || !extension.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || hash.Length != 64)
        {
            return (null, new ExecutionError("extensions.persistedQuery 须含 64 位十六进制的 sha256Hash (persistedQuery needs a sha256Hash).") { Code = "MALFORMED_REQUEST" });
        }

        if (!extension.TryGetValue("version", out var version) || version is not (int or long) || Convert.ToInt64(version, CultureInfo.InvariantCulture) != 1)
        {
            return (null, new ExecutionError("只支持 persistedQuery 协议第 1 版 (only version 1 of the persisted query protocol).") { Code = VersionNotSupported });
        }

        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(request.Query))
        {
            // Apollo's clients match this exact message (older ones) or the code (newer ones), so it stays in English.
            return _queries.TryGetValue(hash, out string? known)
                ? (Copy(request, known!), null)
                : (null, new ExecutionError("PersistedQueryNotFound") { Code = NotFound });
        }

        if (Sha256(request.Query) != hash)
        {
            return (null, new ExecutionError("sha256Hash 与 query 不符 (the hash does not match the query).") { Code = HashMismatch });
        }

        return (request, null);
    }

    /// <summary>Keeps a query that came with its hash and parsed, for later hash-only requests.</summary>
    public void Remember(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query is { Length: > 0 } query && request.Extensions?.ContainsKey("persistedQuery") == true)
        {
            _queries.Set(Sha256(query), query, new MemoryCacheEntryOptions { Size = query.Length });
        }
    }

    public static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public void Dispose() => _queries.Dispose();

    private static GraphQLRequest Copy(GraphQLRequest request, string query) => new()
    {
        Query = query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
    };
}
