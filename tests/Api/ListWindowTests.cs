using System.Net;
using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>Plain list fields take optional <c>first</c> and <c>offset</c>, so that none grows without bound with the
/// places loaded; asking nothing keeps the answers the contract always gave on the seeds.</summary>
public sealed class ListWindowTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private static List<string> Ids(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!["id"]!)];

    [Fact]
    public async Task Windows_the_duties_citing_a_law_by_first_and_offset()
    {
        var data = await api.QueryAsync("""
            { laws { all: citedBy(first: 1000) { id } window: citedBy(first: 1, offset: 1) { id } } }
            """);
        var law = data["laws"]!.AsArray().Select(l => l!).First(l => Ids(l["all"]).Count >= 2);
        Assert.Equal(Ids(law["all"]).Skip(1).Take(1), Ids(law["window"]));
    }

    [Fact]
    public async Task Lists_every_seed_place_by_default_and_a_window_of_them_when_asked()
    {
        var data = await api.QueryAsync("{ all: jurisdictions { id } window: jurisdictions(first: 2, offset: 3) { id } }");
        var all = Ids(data["all"]);
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Skip(3).Take(2), Ids(data["window"]));
    }

    [Fact]
    public async Task Refuses_a_window_larger_than_a_thousand_or_a_negative_offset()
    {
        foreach (var query in new[] { "{ jurisdictions(first: 1001) { id } }", "{ laws(offset: -1) { id } }" })
        {
            using var client = api.CreateClient();
            using var response = await SafetyDutyApiFactory.PostAsync(client, query, accept: "application/graphql-response+json");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("INVALID_ARGUMENT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        }
    }
}
