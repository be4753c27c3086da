using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>GraphQL-over-HTTP: methods, media types, status codes, body limits, Chinese left unescaped.</summary>
public sealed class GraphQLHttpTests(GraphQLHttpTests.Factory api) : IClassFixture<GraphQLHttpTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Api:MaxRequestBytes"] = "2048",
            // HTTP semantics need no seed documents; the taxonomy is loaded regardless.
            ["Seed:OnEmpty"] = "false",
        };
    }

    [Fact]
    public async Task Answers_application_json_when_the_client_sends_no_accept_header()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ __typename }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_graphql_response_json_when_asked()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ __typename }", accept: "application/graphql-response+json");
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Refuses_with_406_when_no_acceptable_media_type_is_asked()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ __typename }", accept: "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Answers_a_validation_error_with_400_in_graphql_response_json_and_200_in_json()
    {
        using var client = api.CreateClient();
        using var modern = await SafetyDutyApiFactory.PostAsync(client, "{ noSuchField }", accept: "application/graphql-response+json");
        using var legacy = await SafetyDutyApiFactory.PostAsync(client, "{ noSuchField }", accept: "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        var body = JsonNode.Parse(await legacy.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body["errors"]!.AsArray());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Answers_a_syntax_error_with_400_in_graphql_response_json()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ jurisdictions {", accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Serves_queries_over_get()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Query", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_mutation_over_get_with_405_and_allow_post()
    {
        using var client = api.CreateClient();
        var query = Uri.EscapeDataString("""mutation { loadDocument(input: { fileName: "a.txt", text: "x" }) { outcome } }""");
        using var response = await client.GetAsync("/graphql?query=" + query);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Refuses_other_methods_with_405()
    {
        using var client = api.CreateClient();
        using var response = await client.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_body_over_the_size_limit_with_413()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ __typename " + new string(' ', 4096) + "}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_malformed_json_and_a_missing_query_with_400()
    {
        using var client = api.CreateClient();
        using var malformed = await client.PostAsync("/graphql", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        using var missing = await client.PostAsync("/graphql", new StringContent("""{"variables":{}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Refuses_a_body_that_is_not_json_with_415()
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsync("/graphql", new StringContent("{ __typename }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Writes_chinese_without_escaping()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ sectors { name } }");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("燃气", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_health_and_readiness()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
