using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace SafetyDuty.Api.Http;

/// <summary>HTTP caching of GET answers. A query's answer depends only on what the store holds and on the request
/// itself, so its entity tag is a hash of the store's content version, the negotiated media type and the request
/// (query, operation, variables, extensions). A load changes the content version and so every tag; a client or a
/// cache that sends the tag back (<c>If-None-Match</c>) gets 304 while nothing has changed. POST answers are not
/// tagged: HTTP caches do not keep them, and a persisted query by GET is the cacheable form.</summary>
public static class HttpCaching
{
    public static string ETagOf(string answerKey) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answerKey)))[..32] + "\"";

    /// <summary>Everything a query's answer depends on: the content version, the media type and the request.</summary>
    public static string AnswerKeyOf(long contentVersion, string mediaType, GraphQLRequest request, Func<object?, string> json)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(json);
        return string.Join('\n', contentVersion, mediaType, request.Query, request.OperationName,
            request.Variables is null ? "" : json(request.Variables), request.Extensions is null ? "" : json(request.Extensions));
    }

    /// <summary>True when the request's <c>If-None-Match</c> names the tag (or is <c>*</c>).</summary>
    public static bool IsFresh(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
    }

    /// <summary>Marks a GET answer as cacheable under its tag, for the configured time.</summary>
    public static void Mark(HttpResponse response, string etag, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
    }
}
