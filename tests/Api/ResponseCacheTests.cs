using System.Net;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Api.Http;
using SafetyDuty.Graph.Store;
using SafetyDuty.Tests.Graph;

namespace SafetyDuty.Tests.Api;

/// <summary>Whole answers of queries asked again are sent as kept, under the content version, the media type and the
/// request; a load makes the next answer fresh; answers with errors and mutations are never kept.</summary>
public sealed class ResponseCacheTests(ResponseCacheTests.Factory api) : IClassFixture<ResponseCacheTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    private const string Question = "{ jurisdictions { name } bodies(first: 5) { totalCount nodes { name } } }";
    private const string Json = "application/json";
    private const string GraphQLResponse = "application/graphql-response+json";

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string query, string accept, object? variables = null, string? apiKey = null)
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, query, variables, accept, apiKey);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Whether an answer to the query is kept for the store's current content.
    private async Task<bool> IsKeptAsync(string query, string mediaType, Inputs? variables = null)
    {
        var version = await api.Services.GetRequiredService<IGraphStore>().GetContentVersionAsync();
        var serializer = api.Services.GetRequiredService<IGraphQLTextSerializer>();
        var key = HttpCaching.AnswerKeyOf(version, mediaType, new GraphQLRequest { Query = query, Variables = variables }, serializer.Serialize);
        return api.Services.GetRequiredService<ResponseCache>().TryGet(key, out _);
    }

    private async Task LoadAsync(string place)
    {
        var doc = new TestDocument(place, "安全生产工作职责规定");
        doc.Duty(doc.Body(place.TrimEnd('县') + "县应急管理局", "应急管理"), "负责全县安全生产综合监督管理。");
        Assert.Equal(LoadOutcome.Inserted, await api.Services.GetRequiredService<IGraphStore>().LoadDocumentAsync(doc.Build()));
    }

    [Fact]
    public async Task Sends_a_query_asked_again_as_kept_per_media_type_and_a_fresh_answer_after_a_load()
    {
        await LoadAsync("甲县");
        var (status, first) = await PostAsync(Question, Json);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("甲县", first, StringComparison.Ordinal);
        Assert.True(await IsKeptAsync(Question, Json));
        Assert.False(await IsKeptAsync(Question, GraphQLResponse));
        Assert.Equal(first, (await PostAsync(Question, Json)).Body);

        // The other media type is answered and kept on its own.
        Assert.Equal(first, (await PostAsync(Question, GraphQLResponse)).Body);
        Assert.True(await IsKeptAsync(Question, GraphQLResponse));

        // A load moves the content version: the same question is answered afresh, with the new place.
        await LoadAsync("乙县");
        Assert.False(await IsKeptAsync(Question, Json));
        var (_, fresh) = await PostAsync(Question, Json);
        Assert.Contains("乙县", fresh, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(fresh)!["data"]!["jurisdictions"]!.AsArray().Count);
        Assert.True(await IsKeptAsync(Question, Json));
    }

    [Fact]
    public async Task Keeps_no_answer_with_errors_and_no_mutation()
    {
        const string Refused = "{ bodies(first: 101) { totalCount } }";
        var (_, refused) = await PostAsync(Refused, Json);
        Assert.NotNull(JsonNode.Parse(refused)!["errors"]);
        Assert.False(await IsKeptAsync(Refused, Json));

        const string Mutation = "mutation($input: LoadDocumentInput!) { loadDocument(input: $input) { outcome } }";
        var text = "丙县安全生产工作职责\n一、县应急管理局\n负责全县安全生产综合监督管理。\n";
        var variables = new { input = new { fileName = "bing.txt", text } };
        var (status, loaded) = await PostAsync(Mutation, Json, variables, SafetyDutyApiFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INSERTED", (string?)JsonNode.Parse(loaded)!["data"]!["loadDocument"]!["outcome"]);
        var inputs = api.Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(
            System.Text.Json.JsonSerializer.Serialize(variables));
        Assert.False(await IsKeptAsync(Mutation, Json, inputs));
        // Sent again, the mutation runs again (the document is now unchanged), not answered from before.
        var (_, again) = await PostAsync(Mutation, Json, variables, SafetyDutyApiFactory.ApiKey);
        Assert.Equal("UNCHANGED", (string?)JsonNode.Parse(again)!["data"]!["loadDocument"]!["outcome"]);
    }
}
