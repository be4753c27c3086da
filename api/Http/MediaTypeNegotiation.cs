using Microsoft.Net.Http.Headers;

namespace SafetyDuty.Api.Http;

/// <summary>Chooses the response media type from the Accept header, as GraphQL-over-HTTP asks.</summary>
public static class MediaTypeNegotiation
{
    /// <summary>The media type to answer with, or null when the client accepts neither.</summary>
    public static string? Choose(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        // No Accept header: legacy clients, answered with application/json.
        if (accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return GraphQLHttpStatus.Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var type = range.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case GraphQLHttpStatus.GraphQLResponseJson:
                    return GraphQLHttpStatus.GraphQLResponseJson;
                case GraphQLHttpStatus.Json or "application/*" or "*/*":
                    return GraphQLHttpStatus.Json;
                default:
                    break;
            }
        }
        return null;
    }
}
