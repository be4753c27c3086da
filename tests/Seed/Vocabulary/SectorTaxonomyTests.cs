using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed.Vocabulary;

public class SectorTaxonomyTests
{
    private static readonly SectorTaxonomy Sectors = Vocabularies.LoadDefault().Sectors;

    private static List<string> Found(string text) => Sectors.FindIn(text).Select(m => m.Sector.Name).ToList();

    [Theory]
    [InlineData("燃气", new[] { "天然气", "供气", "液化石油气", "瓶装燃气", "管道燃气", "城镇燃气", "沼气" })]
    [InlineData("餐饮", new[] { "餐饮服务", "饭店", "餐馆", "餐吧", "农家乐", "音乐餐吧", "餐饮场所" })]
    [InlineData("危险化学品", new[] { "剧毒化学品", "易制毒化学品", "危险货物运输" })]
    [InlineData("特种设备", new[] { "电梯", "起重机械", "大型游乐设施", "压力容器" })]
    [InlineData("矿山", new[] { "非煤矿山", "煤矿", "尾矿库" })]
    [InlineData("宾馆", new[] { "酒店", "民宿" })]
    public void A_topic_resolves_to_its_sector_and_everything_under_it(string topic, string[] covered)
    {
        var resolved = Sectors.Resolve(topic).Select(s => s.Name).ToHashSet();
        foreach (var term in covered)
        {
            var sector = Sectors.Lookup(term);
            Assert.True(sector is not null, $"{term} is not in the taxonomy");
            Assert.Contains(sector.Name, resolved);
        }
    }

    [Fact]
    public void Resolving_a_child_does_not_reach_its_parent_or_siblings()
    {
        var names = Sectors.Resolve("农家乐").Select(s => s.Name).ToList();
        Assert.Equal(["农家乐"], names);
        Assert.Empty(Sectors.Resolve("不存在的行业"));
    }

    [Fact]
    public void Every_sector_has_a_facet_and_an_id_derived_from_its_name()
    {
        Assert.InRange(Sectors.Sectors.Count, 80, 200);
        foreach (var sector in Sectors.Sectors)
        {
            Assert.Contains(sector.Facet, new[] { SectorTaxonomy.HazardFacet, SectorTaxonomy.VenueFacet });
            Assert.Equal(SafetyDuty.Graph.Model.StableId.Sector(sector.Name), sector.Id);
        }

        Assert.Equal("hazard", Sectors.Lookup("燃气")!.Facet);
        Assert.Equal("venue", Sectors.Lookup("民宿")!.Facet);
        Assert.Equal(Sectors.Lookup("宾馆")!.Id, Sectors.Lookup("民宿")!.ParentId);
    }

    [Fact]
    public void Finds_gas_and_catering_in_the_commerce_bureau_duty_of_kunshan()
    {
        const string text = "督促餐饮企业落实安全生产主体责任，对未与供气企业签订供用气合同的餐饮场所，督促其与合法供气企业签订安全供用气合同，并接受安全用气检查指导。";
        var matches = Sectors.FindIn(text);
        Assert.Contains(matches, m => m.Sector.Name == "餐饮" && m.Term == "餐饮企业");
        Assert.Contains(matches, m => m.Sector.Name == "餐饮" && m.Term == "餐饮场所");
        Assert.Contains(matches, m => m.Sector.Name == "燃气" && m.Term == "供用气");
        foreach (var m in matches)
        {
            Assert.Equal(m.Term, text.Substring(m.Start, m.Length));
        }
    }

    [Fact]
    public void Prefers_the_longest_term_so_oil_pipelines_are_not_gas_and_non_coal_mines_not_coal_mines()
    {
        Assert.Equal(["油气管道"], Found("负责全区石油天然气管道保护工作"));
        Assert.Equal(["非煤矿山", "危险化学品", "烟花爆竹"], Found("负责全市非煤矿山和危险化学品、烟花爆竹等行业生产经营单位安全生产行政许可工作。"));
        Assert.Equal(["大型游乐设施"], Found("负责大型游乐设施安全管理"));
        Assert.Equal(["游乐场所"], Found("为小型游乐设施安全管理提供指导和服务"));
        Assert.Equal(["宾馆"], Found("加强对旅游星级饭店的安全管理"));
        Assert.Equal(["林业", "森林防火"], Found("负责林业安全生产监督管理和山林防火工作"));
    }

    [Fact]
    public void Does_not_match_a_single_character_or_a_term_inside_an_unrelated_word()
    {
        Assert.Empty(Found("严格行业准入，提高安全生产水平，加强气象服务。"));
        Assert.Empty(Found("负责列入工业生产许可证发证目录范围内的产品"));
        Assert.Equal(["燃气"], Found("负责城镇燃气行业安全监督管理"));
    }

    [Fact]
    public void Finds_a_term_broken_across_a_line_with_its_span_covering_the_break()
    {
        var matches = Sectors.FindIn("负责城镇燃\n气行业安全监督管理");
        var gas = Assert.Single(matches);
        Assert.Equal("燃气", gas.Sector.Name);
        Assert.Equal(2, gas.Start);
        Assert.Equal(5, gas.Length);
    }

    [Fact]
    public void Finds_the_new_business_forms_of_korla()
    {
        Assert.Equal(["网约车", "网约车", "网络货运", "外卖", "道路运输", "汽车租赁"], Found("网约车、顺风车、货拉拉、外卖送餐、旅游包车、汽车租赁"));
        Assert.Equal(["剧本杀", "剧本杀", "剧本杀", "体育场所", "体育场所"], Found("密室逃脱、剧本杀、轰趴馆、桌（台）球馆、健身房等场所"));
        Assert.Equal(["新能源", "光伏"], Found("新能源、光伏发电"));
        Assert.Equal(["无人机", "无人机"], Found("无人机（无人驾驶航空器）"));
        Assert.Equal(["农家乐", "农家乐"], Found("农家乐、风情园"));
    }
}
