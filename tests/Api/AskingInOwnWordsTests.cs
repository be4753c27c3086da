using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>Asking in an officer's own words on the real seed knowledge base: phrases read as sectors, the same
/// answer as the canonical question, and a visible error (never an empty list) for what is not understood.</summary>
public sealed class AskingInOwnWordsTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private static IEnumerable<JsonNode> Items(JsonNode? array) => array!.AsArray().Select(n => n!);

    // The whole response, errors and extensions included.
    private async Task<JsonNode> RespondAsync(string query, object? variables = null)
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, query, variables);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> ErrorOfAsync(string query, object? variables = null)
    {
        var response = await RespondAsync(query, variables);
        var shown = response.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.True(response["errors"] is JsonArray { Count: 1 } && response["errors"]![0]!["extensions"]?["suggestions"] is not null, shown);
        return response["errors"]![0]!;
    }

    private async Task<List<string>> BodiesAsync(IReadOnlyList<string> topics, string? place)
    {
        var data = await api.QueryAsync(
            "query($t: [String!]!, $p: String) { responsibilities(topics: $t, jurisdiction: $p) { body { id } } }",
            new { t = topics, p = place });
        return Items(data["responsibilities"]).Select(r => (string)r["body"]!["id"]!).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData("燃气 餐饮", "饭店用液化气谁管？")]
    [InlineData("燃气 餐饮", "火锅店的煤气罐")]
    [InlineData("燃气 餐饮", "餐馆燃气安全")]
    [InlineData("燃气 餐饮", "小餐馆用液化气罐")]
    [InlineData("燃气 餐饮", "饭店用燃汽")]
    [InlineData("危险化学品 道路运输", "油罐车")]
    [InlineData("危险化学品 道路运输", "危化品运输")]
    [InlineData("危险化学品 道路运输", "危险品车辆谁管")]
    [InlineData("危险化学品 道路运输", "槽罐车安全")]
    [InlineData("危险化学品 道路运输", "危险化学品运输车")]
    [InlineData("校车", "接送学生的车谁管")]
    [InlineData("校车", "校车安全")]
    [InlineData("校车", "学生接送")]
    [InlineData("校车", "校巴")]
    [InlineData("校车", "接送孩子")]
    public async Task Answers_a_question_in_other_words_with_the_bodies_of_the_canonical_question_in_every_place(string canonical, string phrasing)
    {
        var places = Items((await api.QueryAsync("{ jurisdictions { name } }"))["jurisdictions"]).Select(j => (string?)j["name"]).ToList();
        Assert.Equal(5, places.Count);

        foreach (var place in places.Prepend(null))
        {
            var expected = await BodiesAsync(canonical.Split(' '), place);
            var asked = await BodiesAsync([phrasing], place);
            Assert.True(expected.SequenceEqual(asked), $"{phrasing} in {place ?? "every place"}: {asked.Count} bodies, canonical {expected.Count}");
        }
        Assert.NotEmpty(await BodiesAsync(canonical.Split(' '), null));
    }

    [Fact]
    public async Task Interprets_a_sentence_with_a_typo_as_sectors_and_a_correction()
    {
        var data = await api.QueryAsync("""
            { interpret(text: "饭店用燃汽谁管？") { text terms { words correctedFrom sectors { name } } unknown suggestions } }
            """);

        var terms = Items(data["interpret"]!["terms"]).ToList();
        Assert.Equal(["饭店", "燃气"], terms.Select(t => (string?)t["words"]));
        Assert.Equal([null, "燃汽"], terms.Select(t => (string?)t["correctedFrom"]));
        Assert.Equal(["餐饮", "燃气"], terms.Select(t => (string?)Items(t["sectors"]).Single()["name"]));
        Assert.Empty(Items(data["interpret"]!["unknown"]));
    }

    [Fact]
    public async Task Refuses_a_topic_read_as_no_sector_with_unknown_topic_the_word_and_suggestions()
    {
        var error = await ErrorOfAsync("""{ responsibilities(topics: ["燃气", "燃料"]) { body { name } } }""");

        Assert.Equal("UNKNOWN_TOPIC", (string?)error["extensions"]!["code"]);
        Assert.Equal("燃料", (string?)error["extensions"]!["word"]);
        Assert.Contains("醇基燃料", Items(error["extensions"]!["suggestions"]).Select(s => (string?)s));
    }

    [Fact]
    public async Task Reads_a_venue_beside_a_sector_instead_of_dropping_it()
    {
        Assert.Equal(await BodiesAsync(["燃气", "餐饮"], "昆山市"), await BodiesAsync(["燃气", "火锅店"], "昆山市"));
        var data = await api.QueryAsync("""{ responsibilities(topics: ["燃气", "火锅店"], jurisdiction: "昆山市") { body { name } match } }""");
        Assert.Equal("ALL_TOPICS", (string?)Items(data["responsibilities"]).First()["match"]);
    }

    [Fact]
    public async Task Reports_the_words_of_a_topic_it_did_not_understand_beside_the_answer()
    {
        var response = await RespondAsync("""{ responsibilities(topics: ["燃气隧道"], jurisdiction: "昆山市") { body { name } } }""");

        Assert.Null(response["errors"]);
        Assert.NotEmpty(Items(response["data"]!["responsibilities"]));
        Assert.Equal(["隧道"], Items(response["extensions"]!["unknownWords"]).Select(w => (string?)w));
    }

    [Theory]
    [InlineData("""{ bodies(jurisdiction: "北京市") { totalCount } }""")]
    [InlineData("""{ duties(search: "燃气", jurisdiction: "北京市") { totalCount } }""")]
    [InlineData("""{ responsibilities(topics: ["燃气"], jurisdiction: "北京市") { role } }""")]
    [InlineData("""{ gaps(jurisdiction: "北京市") { problem } }""")]
    [InlineData("""{ compare(jurisdictions: ["昆山市", "北京市"]) { rows { sector { name } } } }""")]
    public async Task Refuses_an_unknown_place_in_every_argument_with_not_found_and_the_places_known(string query)
    {
        var error = await ErrorOfAsync(query);

        Assert.Equal("NOT_FOUND", (string?)error["extensions"]!["code"]);
        Assert.Equal("北京市", (string?)error["extensions"]!["word"]);
        Assert.Contains("昆山市", Items(error["extensions"]!["suggestions"]).Select(s => (string?)s));
    }

    [Fact]
    public async Task Suggests_the_place_that_shares_its_name()
    {
        var error = await ErrorOfAsync("""{ gaps(jurisdiction: "昆山") { problem } }""");

        Assert.Equal("昆山市", (string?)Items(error["extensions"]!["suggestions"]).First());
    }

    [Fact]
    public async Task Compares_a_sector_named_in_everyday_words_and_refuses_an_unknown_one_with_suggestions()
    {
        var everyday = await api.QueryAsync("""{ compare(jurisdictions: ["昆山市"], sector: "火锅店") { rows { sector { name } } } }""");
        var canonical = await api.QueryAsync("""{ compare(jurisdictions: ["昆山市"], sector: "餐饮") { rows { sector { name } } } }""");
        Assert.Equal(canonical.ToJsonString(), everyday.ToJsonString());

        var error = await ErrorOfAsync("""{ compare(jurisdictions: ["昆山市"], sector: "燃料") { rows { sector { name } } } }""");
        Assert.Equal("NOT_FOUND", (string?)error["extensions"]!["code"]);
        Assert.Contains("燃气", Items(error["extensions"]!["suggestions"]).Select(s => (string?)s));
    }

    [Fact]
    public async Task Searches_duties_for_every_word_and_a_sectors_synonyms_with_the_matches_to_highlight()
    {
        var data = await api.QueryAsync("""
            { duties(search: "燃气 餐饮", jurisdiction: "昆山市", first: 50) { totalCount edges { node { text } highlights { start length } } } }
            """);

        var edges = Items(data["duties"]!["edges"]).ToList();
        Assert.NotEmpty(edges);
        // 商务局: "督促餐饮企业…签订安全供用气合同" holds 燃气 only through its synonym 供用气.
        Assert.Contains(edges, e => ((string)e["node"]!["text"]!).Contains("供用气", StringComparison.Ordinal)
            && !((string)e["node"]!["text"]!).Contains("燃气", StringComparison.Ordinal));
        foreach (var edge in edges)
        {
            var text = (string)edge["node"]!["text"]!;
            var marked = Items(edge["highlights"]).Select(h => text.Substring((int)h["start"]!, (int)h["length"]!)).ToList();
            Assert.Contains(marked, m => m.Contains("餐饮", StringComparison.Ordinal) || m.Contains("饭店", StringComparison.Ordinal) || m.Contains("食堂", StringComparison.Ordinal) || m.Contains("餐馆", StringComparison.Ordinal));
            Assert.Contains(marked, m => m.Contains('气', StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Searches_quoted_text_as_one_phrase()
    {
        var phrase = await api.QueryAsync("""{ duties(search: "\"安全 供用气\"") { totalCount nodes { text } } }""");
        var words = await api.QueryAsync("""{ duties(search: "安全 供用气") { totalCount } }""");

        Assert.All(Items(phrase["duties"]!["nodes"]), d => Assert.Contains("安全供用气", (string?)d["text"], StringComparison.Ordinal));
        Assert.True((int)phrase["duties"]!["totalCount"]! > 0);
        Assert.True((int)words["duties"]!["totalCount"]! > (int)phrase["duties"]!["totalCount"]!);
    }
}
