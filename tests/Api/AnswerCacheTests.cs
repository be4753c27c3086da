using System.Net;
using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>Answers are cached under the store's content version: a repeated question reads only the version, and a
/// load makes the next answer fresh.</summary>
public sealed class AnswerCacheTests(AnswerCacheTests.Factory api) : IClassFixture<AnswerCacheTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };

        protected override bool CountStoreCalls => true;
    }

    private const string Question = """{ responsibilities(topics: ["燃气", "餐饮"]) { body { name } role evidence { locator } } }""";

    private const string Mutation = """
        mutation($input: LoadDocumentInput!) { loadDocument(input: $input) { outcome } }
        """;

    private static string KunshanText() => File.ReadAllText(
        Directory.EnumerateFiles(AppContext.BaseDirectory, "000_*.txt", SearchOption.AllDirectories).First());

    private async Task<List<string?>> AnswerAsync() =>
        (await api.QueryAsync(Question))["responsibilities"]!.AsArray().Select(a => (string?)a!["body"]!["name"]).ToList();

    [Fact]
    public async Task A_load_makes_the_next_answer_fresh_and_a_repeated_question_reads_only_the_version()
    {
        // Nothing loaded yet: nobody is responsible, and that answer is cached too.
        Assert.Empty(await AnswerAsync());
        Assert.Empty(await AnswerAsync());

        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, Mutation,
            new { input = new { fileName = "kunshan.txt", text = KunshanText() } }, apiKey: SafetyDutyApiFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("INSERTED", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["loadDocument"]!["outcome"]);

        var first = await AnswerAsync();
        Assert.Equal("市商务局", first[0]);

        api.Counter!.Reset();
        var again = await AnswerAsync();
        Assert.Equal(first, again);
        // Only the content version; the answer itself comes from the cache.
        Assert.True(api.Counter.Reads == 1, api.Counter.ToString());

        // Loading the same text again changes nothing, so the cached answer still stands.
        using var unchanged = await SafetyDutyApiFactory.PostAsync(client, Mutation,
            new { input = new { fileName = "kunshan.txt", text = KunshanText() } }, apiKey: SafetyDutyApiFactory.ApiKey);
        Assert.Equal("UNCHANGED", (string?)JsonNode.Parse(await unchanged.Content.ReadAsStringAsync())!["data"]!["loadDocument"]!["outcome"]);
        api.Counter.Reset();
        Assert.Equal(first, await AnswerAsync());
        Assert.Equal(1, api.Counter.Reads);
    }
}
