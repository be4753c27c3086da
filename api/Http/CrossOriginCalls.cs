using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SafetyDuty.Api.Http;

/// <summary>CORS for the GraphQL endpoint, by ASP.NET Core's own middleware: web apps on the origins in
/// <c>Api:Cors:AllowedOrigins</c> may call it from a browser; a preflight from any other origin is answered without
/// <c>Access-Control-Allow-Origin</c>, so the browser refuses the call.</summary>
public static class CrossOriginCalls
{
    public const string Policy = "GraphQLClients";

    /// <summary>The request headers GraphQL clients send: a JSON body, response negotiation and the write key
    /// either way (<see cref="ApiKeyCheck"/>).</summary>
    public static readonly IReadOnlyList<string> AllowedHeaders =
        [HeaderNames.ContentType, HeaderNames.Accept, "X-Api-Key", HeaderNames.Authorization];

    /// <summary>Response headers a cross-origin script may read besides the safelisted ones.</summary>
    public static readonly IReadOnlyList<string> ExposedHeaders = [HeaderNames.ETag];

    public static IServiceCollection AddCrossOriginCalls(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) =>
            cors.AddPolicy(Policy, policy => policy
                .WithOrigins([.. api.Value.Cors.AllowedOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders([.. AllowedHeaders])
                .WithExposedHeaders([.. ExposedHeaders])
                // Keys travel in headers, never in cookies: no credentials mode.
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
