using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyDuty.Api.Http;

namespace SafetyDuty.Tests.Api;

/// <summary>Apollo's automatic persisted queries and batched requests, at the HTTP level.</summary>
public sealed class PersistedQueryTests : IClassFixture<PersistedQueryTests.Factory>
{
    private const string Query = "{ sectors { id } }";
    private readonly Factory _factory;

    public PersistedQueryTests(Factory factory) => _factory = factory;

    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:OnEmpty"] = "false",
            ["Api:MaxBatchSize"] = "3",
            ["Api:PersistedQueries:MaxCharacters"] = "200",
        };
    }

    [Fact]
    public async Task An_unknown_hash_is_not_found_until_the_query_is_sent_with_it_and_then_a_get_with_the_hash_alone_is_answered()
    {
        using var client = _factory.CreateClient();
        var query = "{ jurisdictions { id } }";
        var hash = PersistedQueries.Sha256(query);

        var unknown = await GetAsync(client, hash);
        Assert.Equal(PersistedQueries.NotFound, (string?)unknown["errors"]![0]!["extensions"]!["code"]);

        var registered = await PostAsync(client, new { query, extensions = Extension(hash) });
        Assert.NotNull(registered["data"]!["jurisdictions"]);

        var known = await GetAsync(client, hash);
        Assert.Null(known["errors"]);
        Assert.NotNull(known["data"]!["jurisdictions"]);
    }

    [Fact]
    public async Task A_query_that_does_not_match_its_hash_is_refused_and_not_kept()
    {
        using var client = _factory.CreateClient();
        var hash = PersistedQueries.Sha256("{ laws { id } }");

        var mismatch = await PostAsync(client, new { query = Query, extensions = Extension(hash) });

        Assert.Equal(PersistedQueries.HashMismatch, (string?)mismatch["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(PersistedQueries.NotFound, (string?)(await GetAsync(client, hash))["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_store_of_hashes_is_bounded_and_a_query_larger_than_it_is_answered_but_not_kept()
    {
        using var client = _factory.CreateClient();
        var query = "{ sectors { id name aliases parent { id name } children { id name aliases } } " + new string(' ', 200) + "}";
        var hash = PersistedQueries.Sha256(query);

        var answered = await PostAsync(client, new { query, extensions = Extension(hash) });

        Assert.NotNull(answered["data"]!["sectors"]);
        Assert.Equal(PersistedQueries.NotFound, (string?)(await GetAsync(client, hash))["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task An_unsupported_protocol_version_is_refused_with_its_own_code()
    {
        using var client = _factory.CreateClient();

        var answer = await PostAsync(client, new { extensions = new { persistedQuery = new { version = 2, sha256Hash = PersistedQueries.Sha256(Query) } } });

        Assert.Equal(PersistedQueries.VersionNotSupported, (string?)answer["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_batch_is_answered_as_an_array_in_the_order_asked_each_with_its_own_errors()
    {
        using var client = _factory.CreateClient();

        var answers = await PostAsync(client, new object[]
        {
            new { query = "{ sectors { id } }" },
            new { query = "{ noSuchField }" },
            new { query = "query Places { jurisdictions { id } }", operationName = "Places" },
        });

        var list = answers.AsArray();
        Assert.Equal(3, list.Count);
        Assert.NotNull(list[0]!["data"]!["sectors"]);
        Assert.NotNull(list[1]!["errors"]);
        Assert.NotNull(list[2]!["data"]!["jurisdictions"]);
    }

    [Fact]
    public async Task An_operation_of_a_batch_reads_what_a_load_earlier_in_the_batch_wrote()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SafetyDutyApiFactory.ApiKey);
        var text = File.ReadAllText(Directory.EnumerateFiles(AppContext.BaseDirectory, "000_*.txt", SearchOption.AllDirectories).First());
        const string places = "{ jurisdictions { name } }";

        var answers = (await PostAsync(client, new object[]
        {
            new { query = places },
            new
            {
                query = "mutation($input: LoadDocumentInput!) { loadDocument(input: $input) { outcome } }",
                variables = new { input = new { fileName = "kunshan-batch.txt", text } },
            },
            new { query = places },
        })).AsArray();

        Assert.DoesNotContain("昆山市", answers[0]!["data"]!["jurisdictions"]!.AsArray().Select(j => (string?)j!["name"]));
        Assert.Equal("INSERTED", (string?)answers[1]!["data"]!["loadDocument"]!["outcome"]);
        Assert.Contains("昆山市", answers[2]!["data"]!["jurisdictions"]!.AsArray().Select(j => (string?)j!["name"]));
    }

    [Fact]
    public async Task A_batch_over_the_bound_is_refused_whole_with_a_code_that_says_so()
    {
        using var client = _factory.CreateClient();
        var batch = Enumerable.Repeat(new { query = Query }, 4).ToArray();

        using var response = await client.PostAsync("/graphql", Json(batch));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BATCH_TOO_LARGE", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("3", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    private static object Extension(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static async Task<JsonNode> GetAsync(HttpClient client, string hash)
    {
        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(Extension(hash)));
        using var response = await client.GetAsync($"/graphql?extensions={extensions}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsync("/graphql", Json(body));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
