using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>Every query of SPEC's contract on the real seed knowledge base. Expected answers were checked by reading
/// seed/documents/ (昆山市 000_…: 第七条（十二）市住房和城乡建设局, （十八）市商务局; 昆政发〔2017〕41号).</summary>
public sealed class ContractQueryTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private static IEnumerable<JsonNode> Items(JsonNode? array) => array!.AsArray().Select(n => n!);

    [Fact]
    public async Task Ranks_the_commerce_bureau_first_for_gas_in_restaurants_in_Kunshan_with_its_clause()
    {
        var data = await api.QueryAsync("""
            { responsibilities(topics: ["燃气", "餐饮"], jurisdiction: "昆山市") {
                body { name } jurisdiction { name } role match evidence { text locator document { number } } } }
            """);
        var answers = Items(data["responsibilities"]).ToList();

        var first = answers[0];
        Assert.Equal("市商务局", (string?)first["body"]!["name"]);
        Assert.Equal("ALL_TOPICS", (string?)first["match"]);
        // Its duties name it neither lead of 燃气 nor of 餐饮: it assists on 商贸服务业（含餐饮） (第七条（十八）2) and has
        // the gas-contract duty (1). Issue 10: showing it as LEAD was wrong.
        Assert.Equal("ASSIST", (string?)first["role"]);
        var contract = Items(first["evidence"]).Single(e => ((string?)e["text"])!.Contains("签订安全供用气合同", StringComparison.Ordinal));
        Assert.Equal("第七条（十八）1", (string?)contract["locator"]);
        Assert.Equal("昆政发〔2017〕41号", (string?)contract["document"]!["number"]);

        var housing = answers.Single(a => (string?)a["body"]!["name"] == "市住房和城乡建设局");
        Assert.Contains(Items(housing["evidence"]), e => ((string?)e["text"])!.Contains("城镇燃气行业", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal("昆山市", (string?)a["jurisdiction"]!["name"]));
        Assert.All(answers, a => Assert.NotEmpty(a["evidence"]!.AsArray()));
    }

    [Fact]
    public async Task Orders_responsibilities_place_by_place_all_topics_first_then_lead_before_assist()
    {
        // Issue 10: over all places the answers come grouped by place, each place ranked on its own.
        var data = await api.QueryAsync("""{ responsibilities(topics: ["燃气", "餐饮"]) { jurisdiction { name } role match topics isGroup } }""");
        var answers = Items(data["responsibilities"]).ToList();
        var places = answers.Select(a => (string?)a["jurisdiction"]!["name"]).ToList();
        Assert.Equal(places.Distinct().Count(), places.Chunk(1).Select(p => p[0]).Where((p, i) => i == 0 || p != places[i - 1]).Count());
        Assert.True(places.Distinct().Count() > 1);
        foreach (var place in answers.GroupBy(a => (string?)a["jurisdiction"]!["name"]))
        {
            var keys = place
                .Select(a => (
                    (bool)a["isGroup"]! ? 1 : 0,
                    (string?)a["match"] == "ALL_TOPICS" ? 0 : a["topics"]!.AsArray().Count == 2 ? 1 : 2,
                    (string?)a["role"] switch { "LEAD" => 0, "ASSIST" => 1, _ => 2 }))
                .ToList();
            Assert.Equal(keys.Order().ToList(), keys);
        }
    }

    [Fact]
    public async Task Reports_common_duties_under_the_department_group_after_the_specific_bodies_only_where_they_cover_the_topics()
    {
        // 昆山市 第六条（五）, a 共同工作职责 of every department: "加大安全生产与职业健康投入" (职业健康 is 职业卫生).
        var data = await api.QueryAsync("""
            { responsibilities(topics: ["职业卫生"], jurisdiction: "昆山市") { body { name kind } match evidence { locator text } } }
            """);
        var answers = Items(data["responsibilities"]).ToList();
        var group = answers.Last();
        Assert.Equal("GROUP", (string?)group["body"]!["kind"]);
        Assert.Equal("SOME_TOPICS", (string?)group["match"]);
        var common = Items(group["evidence"]).Single();
        Assert.Equal("第六条（五）", (string?)common["locator"]);
        Assert.Contains("职业健康", (string?)common["text"], StringComparison.Ordinal);
        Assert.Contains(answers.SkipLast(1), a => (string?)a["body"]!["name"] == "市卫生和计划生育委员会");
        Assert.All(answers.SkipLast(1), a => Assert.NotEqual("GROUP", (string?)a["body"]!["kind"]));

        // No place's common duties speak of gas or catering, so no group answers for them.
        var gas = await api.QueryAsync("""{ responsibilities(topics: ["燃气", "餐饮"]) { body { kind } } }""");
        Assert.DoesNotContain(Items(gas["responsibilities"]), a => (string?)a["body"]!["kind"] == "GROUP");
    }

    [Fact]
    public async Task Lists_the_five_seed_places_with_their_documents()
    {
        var data = await api.QueryAsync("{ jurisdictions { name level documents { number status } } }");
        var names = Items(data["jurisdictions"]).Select(j => (string?)j["name"]).ToList();
        foreach (var place in new[] { "昆山市", "魏都区", "洛阳市", "张山子镇", "库尔勒市" })
        {
            Assert.Contains(place, names);
        }
        var kunshan = await api.QueryAsync("""{ jurisdiction(name: "昆山市") { name documents { number status title } } }""");
        var document = Items(kunshan["jurisdiction"]!["documents"]).Single();
        Assert.Equal("昆政发〔2017〕41号", (string?)document["number"]);
        Assert.Equal("IN_FORCE", (string?)document["status"]);
    }

    [Fact]
    public async Task Returns_null_for_an_unknown_place()
    {
        var data = await api.QueryAsync("""{ jurisdiction(name: "不存在市") { name } }""");
        Assert.Null(data["jurisdiction"]);
    }

    [Fact]
    public async Task Pages_bodies_with_relay_cursors_and_a_stable_total()
    {
        const string query = """
            query($after: String) { bodies(jurisdiction: "昆山市", first: 5, after: $after) {
                totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } nodes { id name } } }
            """;
        var first = (await api.QueryAsync(query))["bodies"]!;
        var second = (await api.QueryAsync(query, new { after = (string?)first["pageInfo"]!["endCursor"] }))["bodies"]!;

        Assert.Equal(5, first["nodes"]!.AsArray().Count);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal((int)first["totalCount"]!, (int)second["totalCount"]!);
        // 第七条 lists 38 departments and units.
        Assert.True((int)first["totalCount"]! >= 38);
        var firstIds = Items(first["nodes"]).Select(n => (string?)n["id"]).ToHashSet();
        Assert.DoesNotContain(Items(second["nodes"]), n => firstIds.Contains((string?)n["id"]));
        Assert.Equal(Items(first["nodes"]).Select(n => (string?)n["id"]), Items(first["edges"]).Select(e => (string?)e["node"]!["id"]));
    }

    [Fact]
    public async Task Finds_a_body_by_name_and_reads_its_duties_in_document_order()
    {
        var data = await api.QueryAsync("""
            { bodies(jurisdiction: "昆山市", search: "商务局") { nodes { id name jurisdiction { name } duties { locator } } } }
            """);
        var body = Items(data["bodies"]!["nodes"]).Single(b => (string?)b["name"] == "市商务局");
        var locators = Items(body["duties"]).Select(d => (string?)d["locator"]).ToList();
        Assert.Equal(["第七条（十八）1", "第七条（十八）2", "第七条（十八）3", "第七条（十八）4", "第七条（十八）5", "第七条（十八）6"], locators);

        var id = (string?)body["id"];
        var again = await api.QueryAsync("query($id: ID!) { body(id: $id) { name } node(id: $id) { id ... on Body { name } } }", new { id });
        Assert.Equal("市商务局", (string?)again["body"]!["name"]);
        Assert.Equal("市商务局", (string?)again["node"]!["name"]);
    }

    [Fact]
    public async Task Searches_duty_text_for_a_two_character_term()
    {
        var data = await api.QueryAsync("""
            { duties(search: "燃气", jurisdiction: "昆山市", first: 20) { totalCount nodes { text locator owner { ... on Body { name } } } } }
            """);
        var duties = Items(data["duties"]!["nodes"]).ToList();
        Assert.Contains(duties, d => (string?)d["locator"] == "第七条（十二）4" && (string?)d["owner"]!["name"] == "市住房和城乡建设局");
        // A sector's word also finds its synonyms (天然气, 供用气 …): every duty holds one of 燃气's forms.
        var sectors = await api.QueryAsync("{ sectors { name aliases } }");
        var gas = Items(sectors["sectors"]).Single(s => (string?)s["name"] == "燃气");
        var forms = Items(gas["aliases"]).Select(a => (string)a!).Append("燃气").ToList();
        Assert.All(duties, d => Assert.Contains(forms, f => ((string)d["text"]!).Contains(f, StringComparison.Ordinal)));
        Assert.Equal(duties.Count, (int)data["duties"]!["totalCount"]!);
    }

    [Fact]
    public async Task Compares_who_leads_gas_in_Luoyang_and_Kunshan_in_the_order_asked()
    {
        var data = await api.QueryAsync("""
            { compare(jurisdictions: ["洛阳市", "昆山市"], sector: "燃气") {
                jurisdictions { name } rows { sector { name } cells { jurisdiction { name } lead { name } assist { name } } } } }
            """);
        var comparison = data["compare"]!;
        Assert.Equal(["洛阳市", "昆山市"], Items(comparison["jurisdictions"]).Select(j => (string?)j["name"]));
        var rows = Items(comparison["rows"]).ToList();
        Assert.Contains(rows, r => (string?)r["sector"]!["name"] == "燃气");
        Assert.All(rows, r => Assert.Equal(["洛阳市", "昆山市"], Items(r["cells"]).Select(c => (string?)c["jurisdiction"]!["name"])));
        var kunshanLeads = rows.SelectMany(r => Items(r["cells"]![1]!["lead"])).Select(b => (string?)b["name"]);
        Assert.Contains("市住房和城乡建设局", kunshanLeads);
    }

    [Fact]
    public async Task Compares_only_the_sectors_some_duty_of_the_places_covers_when_no_sector_is_asked()
    {
        var data = await api.QueryAsync("""
            { sectors { name } compare(jurisdictions: ["昆山市", "库尔勒市"]) { rows { sector { name } } } }
            """);
        var rows = Items(data["compare"]!["rows"]).Select(r => (string?)r["sector"]!["name"]).ToList();
        Assert.True(rows.Count < data["sectors"]!.AsArray().Count, $"{rows.Count} rows");
        // 库尔勒市's table, row 1: 网约车、顺风车; 昆山市 第七条（十二）: 城镇燃气.
        Assert.Contains("网约车", rows);
        Assert.Contains("燃气", rows);
        // Neither list speaks of coal mines (煤矿, 煤炭) or river sand (河道采砂, 采砂).
        Assert.DoesNotContain("煤矿", rows);
        Assert.DoesNotContain("河道采砂", rows);
    }

    [Fact]
    public async Task Does_not_report_a_sector_as_unled_when_a_body_leads_its_parent_sector()
    {
        // 昆山市 第七条（三）1 市教育局: "负责教育系统安全生产工作，指导所属各中小学校、幼儿园…": it leads 学校, whose
        // sub-sector 幼儿园 its duties cover.
        var data = await api.QueryAsync("""
            { gaps(jurisdiction: "昆山市") { sector { name } problem }
              compare(jurisdictions: ["昆山市"], sector: "学校") { rows { sector { name } cells { lead { name } } } }
              duties(search: "幼儿园", jurisdiction: "昆山市") { nodes { sectors { name } } } }
            """);
        Assert.Contains(Items(data["duties"]!["nodes"]), d => Items(d["sectors"]).Any(s => (string?)s["name"] == "幼儿园"));
        var school = Items(data["compare"]!["rows"]).Single(r => (string?)r["sector"]!["name"] == "学校");
        Assert.Contains(Items(school["cells"]![0]!["lead"]), b => (string?)b["name"] == "市教育局");
        Assert.DoesNotContain(Items(data["gaps"]), g => (string?)g["sector"]!["name"] == "幼儿园");
    }

    [Fact]
    public async Task Gives_each_comparison_cell_the_duties_behind_its_leads_and_assists()
    {
        var data = await api.QueryAsync("""
            { compare(jurisdictions: ["昆山市"], sector: "燃气") { rows { sector { name }
                cells { lead { name } assist { name } evidence { text owner { ... on Body { name } } } } } } }
            """);
        var rows = Items(data["compare"]!["rows"]).ToList();
        var cells = rows.Select(r => r["cells"]![0]!).Where(c => c["lead"]!.AsArray().Count + c["assist"]!.AsArray().Count > 0).ToList();
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            // Every clause is one of the cell's bodies', each once; every body of the cell has at least one.
            var bodies = Items(cell["lead"]).Concat(Items(cell["assist"])).Select(b => (string?)b["name"]).ToHashSet();
            var evidence = Items(cell["evidence"]).ToList();
            Assert.All(evidence, e => Assert.Contains((string?)e["owner"]!["name"], bodies));
            Assert.Equal(evidence.Count, evidence.Select(e => (string?)e["text"]).Distinct().Count());
            Assert.Equal(bodies.Count, evidence.Select(e => (string?)e["owner"]!["name"]).Distinct().Count());
        }
        var gas = rows.Single(r => (string?)r["sector"]!["name"] == "燃气")["cells"]![0]!;
        Assert.Contains(Items(gas["evidence"]), e => ((string?)e["text"])!.Contains("城镇燃气行业", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_the_overlapping_leads_on_hazardous_chemicals_in_Kunshan_with_evidence()
    {
        var data = await api.QueryAsync("""
            { gaps(jurisdiction: "昆山市") { sector { name } problem lead { name } evidence { locator text } } }
            """);
        var gaps = Items(data["gaps"]).ToList();
        Assert.All(gaps, g => Assert.Contains((string?)g["problem"], new[] { "NO_LEAD", "MULTIPLE_LEADS" }));
        Assert.All(gaps.Where(g => (string?)g["problem"] == "NO_LEAD"), g => Assert.Empty(g["lead"]!.AsArray()));
        Assert.All(gaps.Where(g => (string?)g["problem"] == "MULTIPLE_LEADS"), g => Assert.True(g["lead"]!.AsArray().Count > 1));
        Assert.All(gaps, g => Assert.NotEmpty(g["evidence"]!.AsArray()));

        // 第七条（五）5 公安: 危险化学品运输车辆; （二十五）4 安监: 危险化学品安全生产监督管理综合工作.
        var chemicals = gaps.Single(g => (string?)g["sector"]!["name"] == "危险化学品");
        Assert.Equal("MULTIPLE_LEADS", (string?)chemicals["problem"]);
        var leads = Items(chemicals["lead"]).Select(b => (string?)b["name"]).ToList();
        Assert.Contains("市公安局", leads);
        Assert.Contains("市安全生产监督管理局", leads);
    }

    [Fact]
    public async Task Serves_the_sector_taxonomy_with_synonyms_and_sub_sectors()
    {
        var data = await api.QueryAsync("{ sectors { name aliases parent { name } children { name aliases } } }");
        var gas = Items(data["sectors"]).Single(s => (string?)s["name"] == "燃气");
        var terms = Items(gas["aliases"]).Select(a => (string?)a)
            .Concat(Items(gas["children"]).SelectMany(c => Items(c["aliases"]).Select(a => (string?)a).Append((string?)c["name"])))
            .ToList();
        Assert.Contains("天然气", terms);
        Assert.Contains("液化石油气", terms);
    }

    [Fact]
    public async Task Finds_a_cited_law_by_its_short_title_with_its_canonical_title()
    {
        var data = await api.QueryAsync("""{ laws(search: "安全生产法") { title canonicalTitle } }""");
        Assert.Contains(Items(data["laws"]), l => (string?)l["canonicalTitle"] == "中华人民共和国安全生产法");
    }
}
