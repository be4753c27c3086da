using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Seed.Extraction;

/// <summary>What the reader keeps of a 权责清单 row besides its duty, and how it reports the sectors a document names
/// that the reviewed taxonomy does not hold.</summary>
public class TableAndOpenVocabularyTests
{
    private const string PowersList = """
        青石县应急管理局安全生产权责清单

        （一、县应急管理局安全生产权责清单）
        序号	责任事项	责任内容	责任依据	追责情形
        1	危险化学品安全监管	负责危险化学品经营企业的安全生产监督管理。	《危险化学品安全管理条例》第六条	对发现的重大事故隐患
        未依法处理的
        """;

    private const string SectorFirst = """
        青石县新兴行业领域安全监管职责

        一、露营地（牵头单位：县文化广电和旅游局；配合单位：各乡镇（街道））
        指导露营地经营单位落实安全管理制度。

        二、宠物医院
        牵头单位：县农业农村局
        依法对宠物诊疗活动实施监督管理。
        """;

    [Fact]
    public void A_powers_list_row_cites_the_laws_of_its_basis_and_keeps_its_accountability_on_the_duty()
    {
        var graph = SeedCorpus.Reader.ReadText(PowersList, "powers.txt").Graph;

        var duty = Assert.Single(graph.Nodes.OfType<Duty>());
        Assert.Equal("负责危险化学品经营企业的安全生产监督管理。", duty.Text);
        Assert.Equal("对发现的重大事故隐患未依法处理的", duty.Accountability);
        var law = Assert.Single(graph.Nodes.OfType<Law>());
        Assert.Contains(graph.Edges, e => e.Type == EdgeType.Cite && e.FromId == duty.Id && e.ToId == law.Id);
        Assert.DoesNotContain(graph.Edges, e => e.Type == EdgeType.Cite && e.FromId == graph.Document.Id);
    }

    [Fact]
    public void A_sector_the_taxonomy_does_not_hold_becomes_the_document_s_own_under_the_reviewed_sector_its_words_name()
    {
        var result = SeedCorpus.Reader.ReadText(SectorFirst, "new-sectors.txt");

        var sectors = result.Graph.Nodes.OfType<Sector>().ToDictionary(s => s.Name);
        Assert.Equal(["宠物医院", "露营地"], sectors.Keys.Order(StringComparer.Ordinal));
        Assert.All(sectors.Values, s => Assert.False(s.IsReviewed));
        Assert.Equal("露营地", sectors["露营地"].NamedBy);
        Assert.Null(sectors["露营地"].ParentId);
        Assert.Equal(StableId.Sector("医疗机构"), sectors["宠物医院"].ParentId);
        Assert.Equal(2, result.Report.Warnings.Count(w => w.Contains("document sector, not reviewed", StringComparison.Ordinal)));

        var towns = result.Graph.Nodes.OfType<Body>().Single(b => b.Name == "各乡镇（街道）");
        Assert.Equal(BodyKind.Group, towns.Kind);
        Assert.Contains(result.Graph.Edges, e => e.Type == EdgeType.Assist && e.FromId == towns.Id && e.ToId == sectors["露营地"].Id);
    }

    [Fact]
    public void The_same_new_sector_in_two_places_is_two_sectors()
    {
        var here = SeedCorpus.Reader.ReadText(SectorFirst, "a.txt").Graph.Nodes.OfType<Sector>().Single(s => s.Name == "露营地");
        var there = SeedCorpus.Reader.ReadText(SectorFirst.Replace("青石县", "白沙县", StringComparison.Ordinal), "b.txt")
            .Graph.Nodes.OfType<Sector>().Single(s => s.Name == "露营地");

        Assert.NotEqual(here.Id, there.Id);
    }
}
