using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Api.Schema;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Api;

/// <summary>Responsibilities over every place come a page at a time: bounded by default however many places are
/// loaded, and pages that join into the whole list.</summary>
public sealed class ResponsibilityPagingTests(ResponsibilityPagingTests.Factory api) : IClassFixture<ResponsibilityPagingTests.Factory>, IAsyncLifetime
{
    private const int Places = 12;

    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    public async Task InitializeAsync()
    {
        var store = api.Services.GetRequiredService<IGraphStore>();
        foreach (var place in SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault()).Places(Places))
        {
            await store.LoadDocumentAsync(place);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<(string Place, string Body)>> AnswersAsync(string arguments)
    {
        var data = await api.QueryAsync($$"""{ responsibilities(topics: ["危险化学品"]{{arguments}}) { body { id } jurisdiction { name } } }""");
        return [.. data["responsibilities"]!.AsArray().Select(a => ((string)a!["jurisdiction"]!["name"]!, (string)a["body"]!["id"]!))];
    }

    [Fact]
    public async Task Over_every_place_a_question_without_a_bound_gets_the_first_page_only()
    {
        var all = await AnswersAsync(", first: 1000");
        Assert.True(all.Count > QueryGraphType.DefaultResponsibilities, $"{all.Count} answers: too few places to need a page");
        Assert.Equal(all.Take(QueryGraphType.DefaultResponsibilities), await AnswersAsync(""));
    }

    [Fact]
    public async Task Pages_join_into_the_whole_list_place_by_place_without_a_gap_or_a_repeat()
    {
        var all = await AnswersAsync(", first: 1000");
        var joined = new List<(string, string)>();
        for (var offset = 0; offset < all.Count + 7; offset += 7)
        {
            joined.AddRange(await AnswersAsync($", first: 7, offset: {offset}"));
        }
        Assert.Equal(all, joined);
        // Place by place: once a place's answers end, it does not come back.
        var places = all.Select(a => a.Place).ToList();
        Assert.Equal(places.Distinct().Count(), places.Where((p, i) => i == 0 || places[i - 1] != p).Count());
    }

    [Fact]
    public async Task A_window_out_of_range_is_the_clients_error()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, """{ responsibilities(topics: ["燃气"], first: 1001) { role } }""");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("INVALID_ARGUMENT", (string?)answer["errors"]![0]!["extensions"]!["code"]);
    }
}
