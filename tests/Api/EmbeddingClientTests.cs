using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SafetyDuty.Tests.Api;

/// <summary>The API as other government apps' developers use it, with their own tools run by Node against the API
/// on Kestrel at 127.0.0.1 (tests/Api/embedding-clients): Apollo Client with automatic persisted queries and
/// batching, graphql-js's introspection with the October 2021 fields.</summary>
public sealed class EmbeddingClientTests : IClassFixture<EmbeddingClientTests.KestrelFactory>
{
    private readonly string _endpoint;

    public EmbeddingClientTests(KestrelFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _endpoint = factory.Endpoint;
    }

    public sealed class KestrelFactory : SafetyDutyApiFactory
    {
        private string? _endpoint;

        public string Endpoint => _endpoint ??= Start();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };

        private string Start()
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/graphql";
        }
    }

    [Fact]
    public async Task Apollo_client_with_persisted_queries_gets_every_answer_on_the_first_try_and_on_the_second()
    {
        var run = await ApolloAsync();

        Assert.All(run["first"]!.AsArray(), answer => Assert.True((bool)answer!["ok"]!, answer.ToJsonString()));
        Assert.All(run["second"]!.AsArray(), answer => Assert.True((bool)answer!["ok"]!, answer.ToJsonString()));
        // First try: each hash is unknown, then registered by sending the query once with it.
        var first = run["firstRequests"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(6, first.Count);
        foreach (var pair in first.Chunk(2))
        {
            Assert.Equal("GET", (string?)pair[0]["method"]);
            Assert.False((bool)pair[0]["withQueryText"]!);
            Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], pair[0]["codes"]!.AsArray().Select(c => (string?)c));
            Assert.Equal("POST", (string?)pair[1]["method"]);
            Assert.True((bool)pair[1]["withQueryText"]!);
            Assert.Equal(200, (int)pair[1]["status"]!);
        }

        // Second try, a new client: hashes alone, by GET, each answered.
        var second = run["secondRequests"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(3, second.Count);
        Assert.All(second, r =>
        {
            Assert.Equal("GET", (string?)r["method"]);
            Assert.False((bool)r["withQueryText"]!);
            Assert.Equal(200, (int)r["status"]!);
            Assert.Empty(r["codes"]!.AsArray());
        });
    }

    [Fact]
    public async Task Apollo_batch_link_gets_every_answer_of_one_batched_request()
    {
        var run = await ApolloAsync();

        Assert.All(run["batch"]!.AsArray(), answer => Assert.True((bool)answer!["ok"]!, answer.ToJsonString()));
        var request = Assert.Single(run["batchRequests"]!.AsArray())!;
        Assert.Equal(3, (int)request["operations"]!);
        Assert.Equal(200, (int)request["status"]!);
    }

    [Fact]
    public async Task Graphql_js_builds_a_client_schema_from_introspection_with_the_october_2021_fields()
    {
        var json = await NodeScripts.RunAsync("embedding-clients", "introspection.mjs", _endpoint, TimeSpan.FromMinutes(2));
        var result = JsonNode.Parse(json)!;

        Assert.True(result["errors"]!.AsArray().Count == 0, result["errors"]!.ToJsonString());
        Assert.Equal(200, (int)result["status"]!);
        var fields = result["queryFields"]!.AsArray().Select(f => (string?)f).ToList();
        Assert.Contains("responsibilities", fields);
        Assert.Contains("compare", fields);
        Assert.Contains(result["directives"]!.AsArray(), d => (string?)d!["name"] == "deprecated" && (bool?)d["isRepeatable"] == false);
        Assert.Contains(result["scalars"]!.AsArray(), s => (string?)s!["name"] == "String");
    }

    private async Task<JsonNode> ApolloAsync() =>
        JsonNode.Parse(await NodeScripts.RunAsync("embedding-clients", "apollo.mjs", _endpoint, TimeSpan.FromMinutes(2)))!;
}
