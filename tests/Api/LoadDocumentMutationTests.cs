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

    public static TheoryData<string, string, string> UnreadableDocuments() => new()
    {
        { "随笔.txt", Convert.ToBase64String("今年春天来得早。\n河边的柳树已经发芽。\n"u8.ToArray()), "未找到可识别的职责内容" },
        { "乱码.txt", Convert.ToBase64String([0xFF, 0xFE, .. "第一条　县应急管理局安全生产工作职责：\n（一）负责全县安全生产综合监督管理。\n"u8.ToArray()]), "解码" },
        { "旧清单.doc", Convert.ToBase64String([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]), "另存为" },
    };

    [Theory]
    [MemberData(nameof(UnreadableDocuments))]
    public async Task Refuses_a_document_in_which_nothing_can_be_read_and_writes_nothing(string fileName, string contentBase64, string reason)
    {
        var before = await DocumentCountAsync();
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, Mutation, new { input = new { fileName, contentBase64 } }, apiKey: SafetyDutyApiFactory.ApiKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var message = (string?)body["errors"]?[0]?["message"] ?? "";
        Assert.Contains(fileName, message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Equal(before, await DocumentCountAsync());
    }
}

/// <summary>A server with no API key configured: a write is refused with how an administrator sets one.</summary>
public sealed class KeylessLoadDocumentTests(KeylessLoadDocumentTests.Factory api) : IClassFixture<KeylessLoadDocumentTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:OnEmpty"] = "false",
            ["Api:Keys:0"] = "",
        };
    }

    [Fact]
    public async Task Refuses_a_load_saying_that_no_key_is_configured_and_how_to_set_one()
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client,
            "mutation($input: LoadDocumentInput!) { loadDocument(input: $input) { outcome } }",
            new { input = new { fileName = "a.txt", text = "第一条　县应急管理局安全生产工作职责" } }, apiKey: "any-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var message = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["message"];
        Assert.Contains("还没有设置任何 API 密钥", message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys", message, StringComparison.Ordinal);
    }
}
