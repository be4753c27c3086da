using System.Net;

namespace SafetyDuty.Tests.Api;

/// <summary>CORS on the GraphQL endpoint as the headers show it: what a browser's preflight gets back.</summary>
public sealed class CrossOriginHttpTests : IClassFixture<CrossOriginHttpTests.Factory>
{
    private const string Allowed = "https://app.example.gov.cn";
    private readonly Factory _factory;

    public CrossOriginHttpTests(Factory factory) => _factory = factory;

    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:OnEmpty"] = "false",
            ["Api:Cors:AllowedOrigins:0"] = Allowed,
        };
    }

    [Fact]
    public async Task Answers_a_preflight_from_an_allowed_origin_with_the_headers_graphql_clients_send()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Preflight(Allowed, "POST", "content-type,accept,x-api-key,authorization"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var headers = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "content-type", "accept", "x-api-key", "authorization" })
        {
            Assert.Contains(header, headers, StringComparison.Ordinal);
        }

        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Answers_a_preflight_from_another_origin_with_nothing_that_allows_it()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Preflight("https://elsewhere.example.com", "POST", "content-type"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Marks_an_answer_to_an_allowed_origin_and_lets_its_script_read_the_etag()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Add("Origin", Allowed);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Preflight(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }
}
