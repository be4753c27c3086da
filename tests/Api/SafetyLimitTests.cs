using System.Net;
using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>Depth, complexity and list limits; introspection as GraphiQL uses it.</summary>
public sealed class SafetyLimitTests(SafetyLimitTests.Factory api) : IClassFixture<SafetyLimitTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    // GraphiQL's introspection query (graphiql 4 / graphql-js getIntrospectionQuery): TypeRef nests 15 levels deep.
    private const string IntrospectionQuery = """
        query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { ...FullType } directives { name description locations args { ...InputValue } } } }
        fragment FullType on __Type { kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue } interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
          ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        """;

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string query)
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, query, accept: "application/graphql-response+json");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Allows_the_graphiql_introspection_query()
    {
        var (status, body) = await PostAsync(IntrospectionQuery);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
        Assert.Equal("Query", (string?)body["data"]!["__schema"]!["queryType"]!["name"]);
    }

    [Fact]
    public async Task Refuses_a_query_deeper_than_the_limit()
    {
        var deep = "{ sectors { " + string.Concat(Enumerable.Repeat("children { ", 20)) + "name" + new string('}', 21) + " }";
        var (status, body) = await PostAsync(deep);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(body["data"]);
        var message = (string?)body["errors"]![0]!["message"];
        Assert.StartsWith("查询嵌套过深：上限为 15 层，本查询有 ", message, StringComparison.Ordinal);
        Assert.Contains("the limit is 15 levels, this query has ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_query_over_the_complexity_limit()
    {
        var wide = "{ sectors { children { children { children { children { name aliases } } } } } }";
        var (status, body) = await PostAsync(wide);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body["errors"]![0]!["message"]!.ToString();
        Assert.Contains("complex", message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("查询过于复杂：上限为 50000，本查询为 ", message, StringComparison.Ordinal);
        Assert.Contains("the limit is 50000, this query's complexity is ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_page_size_over_the_complexity_limit_however_often_the_same_document_passed_with_smaller_pages()
    {
        // One document; only its page size varies. The limits a document passed with one page size are remembered,
        // never carried over to another page size, nor to texts that make the questions distinct.
        const string Query = "query Wide($n: Int, $search: String) { bodies(first: $n, search: $search) { nodes { duties { sectors { children { name aliases } } } } } }";
        using var client = api.CreateClient();
        async Task<string?> RefusalAsync(int pageSize, string search)
        {
            using var response = await SafetyDutyApiFactory.PostAsync(client, Query,
                new JsonObject { ["n"] = pageSize, ["search"] = search }, accept: "application/graphql-response+json");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return (string?)body["errors"]?[0]?["message"];
        }

        for (var round = 0; round < 3; round++)
        {
            Assert.Null(await RefusalAsync(1, $"局{round}"));
            Assert.StartsWith("查询过于复杂", await RefusalAsync(100, $"局{round}"), StringComparison.Ordinal);
            Assert.Null(await RefusalAsync(1, $"委{round}"));
        }
    }

    [Fact]
    public async Task Refuses_a_page_larger_than_one_hundred()
    {
        var (status, body) = await PostAsync("{ bodies(first: 101) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INVALID_ARGUMENT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Refuses_too_many_topics()
    {
        var topics = string.Join(", ", Enumerable.Range(0, 11).Select(i => $"\"t{i}\""));
        var (_, body) = await PostAsync($"{{ responsibilities(topics: [{topics}]) {{ role }} }}");
        Assert.Equal("INVALID_ARGUMENT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}

/// <summary>With introspection switched off, <c>__schema</c> is refused.</summary>
public sealed class IntrospectionSwitchTests(IntrospectionSwitchTests.Factory api) : IClassFixture<IntrospectionSwitchTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:OnEmpty"] = "false",
            ["Api:EnableIntrospection"] = "false",
        };
    }

    [Fact]
    public async Task Refuses_introspection_when_it_is_switched_off()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, "{ __schema { types { name } } }", accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
