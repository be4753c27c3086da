using System.Net;
using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>The only write: it needs an API key, refuses without one and writes nothing.</summary>
public sealed class LoadDocumentMutationTests(LoadDocumentMutationTests.Factory api) : IClassFixture<LoadDocumentMutationTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    private const string Mutation = """
        mutation($input: LoadDocumentInput!) { loadDocument(input: $input) {
            outcome document { title jurisdiction { name } } report { duties bodies warnings } } }
        """;

    private static object Input() => new
    {
        input = new
        {
            fileName = "kunshan.txt",
            text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SeedDocument())),
        },
    };

    private static string SeedDocument() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "000_*.txt", SearchOption.AllDirectories).First()[AppContext.BaseDirectory.Length..];

    private async Task<int> DocumentCountAsync()
    {
        var data = await api.QueryAsync("{ jurisdictions { documents { id } } }");
        return data["jurisdictions"]!.AsArray().Sum(j => j!["documents"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Refuses_a_load_without_a_valid_api_key_and_writes_nothing(string? key)
    {
        var before = await DocumentCountAsync();
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, Mutation, Input(), apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(before, await DocumentCountAsync());
    }

    [Fact]
    public async Task Loads_a_document_with_the_key_and_reports_its_quality()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, Mutation, Input(), apiKey: SafetyDutyApiFactory.ApiKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        var load = body["data"]!["loadDocument"]!;
        Assert.Contains((string?)load["outcome"], new[] { "INSERTED", "UNCHANGED" });
        Assert.Equal("昆山市", (string?)load["document"]!["jurisdiction"]!["name"]);
        Assert.True((int)load["report"]!["duties"]! > 100);
        Assert.Contains("昆山市", (await api.QueryAsync("{ jurisdictions { name } }"))["jurisdictions"]!.AsArray().Select(j => (string?)j!["name"]));
    }

    [Fact]
    public async Task Accepts_the_key_as_a_bearer_token()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SafetyDutyApiFactory.ApiKey);
        using var response = await SafetyDutyApiFactory.PostAsync(client, Mutation, Input());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
