using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed;

/// <summary>Sectors and lead/assist relations read from the seeds with the reviewed vocabularies.</summary>
public class SeedRelationTests
{
    private static List<string> SectorsOf(DocumentGraph graph, Duty duty) =>
        graph.Edges.Where(e => e.Type == EdgeType.Covers && e.FromId == duty.Id)
            .Select(e => e.ToId).ToList();

    [Fact]
    public void Tags_the_commerce_bureaus_gas_contract_duty_with_gas_and_catering()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        var duty = graph.DutyAt("第七条（十八）1");
        Assert.Contains("签订安全供用气合同", duty.Text);
        var covered = SectorsOf(graph, duty);
        Assert.Contains(StableId.Sector("燃气"), covered);
        Assert.Contains(StableId.Sector("餐饮"), covered);
    }

    [Fact]
    public void Tags_the_housing_bureaus_town_gas_duty_with_gas_and_makes_it_lead()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        var duty = graph.DutyAt("第七条（十二）4");
        Assert.Contains(StableId.Sector("燃气"), SectorsOf(graph, duty));
        var lead = graph.Edges.Single(e => e.Type == EdgeType.Lead && e.FromId == graph.Body("市住房和城乡建设局").Id && e.ToId == StableId.Sector("燃气"));
        Assert.Contains(duty.Id, lead.Evidence);
    }

    [Fact]
    public void Reads_scoped_assists_from_the_korla_annex()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Korla).Graph;
        var assists = graph.Edges.Where(e => e.Type == EdgeType.Assist && e.FromId == graph.Body("公安部门").Id && e.Scope is not null).ToList();
        Assert.Contains(assists, e => e.Scope!.Contains("负责道路行驶安全管理", StringComparison.Ordinal));
        Assert.Contains(graph.Edges, e => e.Type == EdgeType.Lead && e.FromId == graph.Body("交通部门").Id);
    }

    // Edges checked by hand: the clause was read, the role decided, then pinned here with body, sector, role and the
    // clause that justifies it.
    [Theory]
    // "负责城镇燃气行业安全监督管理": the housing bureau leads gas.
    [InlineData(SeedCorpus.Kunshan, "市住房和城乡建设局", "燃气", "LEAD", "第七条（十二）4")]
    // "依法负责我市境内天然气输送管道保护工作（不含城镇燃气）": pipelines, and expressly not town gas.
    [InlineData(SeedCorpus.Kunshan, "市发展和改革委员会", "油气管道", "LEAD", "第七条（一）5")]
    // "配合有关部门做好商贸服务业（含餐饮、住宿）安全生产监督管理工作".
    [InlineData(SeedCorpus.Kunshan, "市商务局", "餐饮", "ASSIST", "第七条（十八）2")]
    // "承担商贸服务业（含餐饮、住宿…）行业安全生产监督管理工作".
    [InlineData(SeedCorpus.Weidu, "区商务局", "餐饮", "LEAD", "第三十八条（一）")]
    // "负责管辖区域内户外公共场所无照经营、食品销售和餐饮摊点的安全监管".
    [InlineData(SeedCorpus.Weidu, "区城管局", "餐饮", "LEAD", "第四十三条（四）")]
    // "…负责装饰装修行业、城市燃气、供热、物业管理等行业的安全监督…".
    [InlineData(SeedCorpus.Luoyang, "市住房城乡建设委", "燃气", "LEAD", "二（十七）1")]
    // "负责餐饮服务环节的食品安全监督管理".
    [InlineData(SeedCorpus.Luoyang, "市食品药品监管局", "餐饮", "LEAD", "二（三十八）3")]
    // "负责辖区内燃气安全管理；".
    [InlineData(SeedCorpus.Zhangshanzi, "张山子镇乡村规划建设监督管理办公室", "燃气", "LEAD", "四11（4）")]
    // "负责农村可再生能源综合开发利用（沼气、秸秆气等…）安全生产监管".
    [InlineData(SeedCorpus.Zhangshanzi, "镇农业推广办公室", "燃气", "LEAD", "四14（2）")]
    // "协助上级部门监督检查辖区内石油天然气管道安全；".
    [InlineData(SeedCorpus.Zhangshanzi, "镇经委", "油气管道", "ASSIST", "四4（2）")]
    // Annex row 1: 主责单位 交通部门; 配合单位 公安部门：负责道路行驶安全管理.
    [InlineData(SeedCorpus.Korla, "交通部门", "网约车", "LEAD", "附件1（1）")]
    [InlineData(SeedCorpus.Korla, "公安部门", "网约车", "ASSIST", "附件1（1）")]
    // Annex row 8 (音乐餐吧、电影餐吧): 住建部门：负责燃气安全管理.
    [InlineData(SeedCorpus.Korla, "住建部门", "餐吧", "ASSIST", "附件1（8）")]
    [InlineData(SeedCorpus.Korla, "市场监管部门", "农家乐", "LEAD", "附件1（16）")]
    public void Reads_a_lead_or_assist_checked_by_hand(string file, string body, string sector, string role, string locator)
    {
        var graph = SeedCorpus.Read(file).Graph;
        var type = role == "LEAD" ? EdgeType.Lead : EdgeType.Assist;
        var edge = Assert.Single(graph.Edges, e => e.Type == type && e.FromId == graph.Body(body).Id && e.ToId == StableId.Sector(sector));
        var evidence = graph.Nodes.OfType<Duty>().Where(d => edge.Evidence.Contains(d.Id)).Select(d => d.Locator).ToList();
        Assert.Contains(locator, evidence);
        var opposite = role == "LEAD" ? EdgeType.Assist : EdgeType.Lead;
        Assert.DoesNotContain(graph.Edges, e => e.Type == opposite && e.FromId == edge.FromId && e.ToId == edge.ToId && e.Evidence.Intersect(edge.Evidence).Any());
    }

    [Fact]
    public void Reads_the_scoped_assists_of_the_korla_gas_rows_with_their_scope()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Korla).Graph;
        var housing = graph.Body("住建部门").Id;
        var farmStay = graph.Edges.Single(e => e.Type == EdgeType.Assist && e.FromId == housing && e.ToId == StableId.Sector("农家乐"));
        Assert.Equal("负责房屋安全和燃气安全管理", farmStay.Scope);
    }

    [Fact]
    public void Does_not_take_the_description_in_a_sector_cells_brackets_for_more_sectors()
    {
        // Row 11: "市场、商场、超市、城市商业综合体（融合商业零售、超市、电影院、娱乐、餐饮、酒店、培训等为一体的城市经济聚集体）".
        var graph = SeedCorpus.Read(SeedCorpus.Korla).Graph;
        var row = graph.Nodes.OfType<Duty>().Where(d => d.Locator == "附件1（11）").Select(d => d.Id).ToHashSet();
        var sectors = graph.Edges.Where(e => e.Type == EdgeType.Lead && e.Evidence.Any(row.Contains)).Select(e => e.ToId).ToList();
        Assert.Contains(StableId.Sector("商业综合体"), sectors);
        Assert.DoesNotContain(StableId.Sector("餐饮"), sectors);
        Assert.DoesNotContain(StableId.Sector("电影院"), sectors);
    }

    // 燃气 and 餐饮 in each seed: the duties a careful reader would list for each topic (the sector or one under it).
    [Theory]
    [InlineData(SeedCorpus.Kunshan, "燃气", "第七条（十二）4", "第七条（十八）1", "第七条（五）4")]
    [InlineData(SeedCorpus.Kunshan, "餐饮", "第七条（十八）1", "第七条（十八）2")]
    [InlineData(SeedCorpus.Weidu, "燃气", "第三十四条（三）")]
    [InlineData(SeedCorpus.Weidu, "餐饮", "第三十八条（一）", "第四十三条（四）")]
    [InlineData(SeedCorpus.Luoyang, "燃气", "二（十七）1", "二（二十）2", "二（六十二）1（1）", "二（六十二）1（3）", "二（六十二）1（5）")]
    [InlineData(SeedCorpus.Luoyang, "餐饮", "二（二十三）1", "二（三十八）1", "二（三十八）3")]
    [InlineData(SeedCorpus.Zhangshanzi, "燃气", "四11（4）", "四14（2）", "四5（5）")]
    [InlineData(SeedCorpus.Zhangshanzi, "餐饮", "四26（1）")]
    [InlineData(SeedCorpus.Korla, "燃气", "附件1（8）", "附件1（11）", "附件1（15）", "附件1（16）")]
    [InlineData(SeedCorpus.Korla, "餐饮", "附件1（1）", "附件1（2）", "附件1（8）", "附件1（16）", "附件1（23）")]
    public void Tags_the_gas_and_catering_duties_a_careful_reader_would_list(string file, string topic, params string[] locators)
    {
        var graph = SeedCorpus.Read(file).Graph;
        var closure = Vocabularies.LoadDefault().Sectors.Resolve(topic).Select(s => s.Id).ToHashSet();
        var tagged = graph.Nodes.OfType<Duty>()
            .Where(d => graph.Edges.Any(e => e.Type == EdgeType.Covers && e.FromId == d.Id && closure.Contains(e.ToId)))
            .Select(d => d.Locator).ToHashSet();
        Assert.All(locators, l => Assert.Contains(l, tagged));
    }

    [Theory]
    // "天然气输送管道保护工作（不含城镇燃气）" is about pipelines; "提供气象服务保障" is not 供气.
    [InlineData(SeedCorpus.Kunshan, "第七条（一）5")]
    [InlineData(SeedCorpus.Luoyang, "二（五十）1")]
    public void Does_not_tag_gas_where_a_careful_reader_would_not(string file, string locator)
    {
        var graph = SeedCorpus.Read(file).Graph;
        var duty = graph.DutyAt(locator);
        Assert.DoesNotContain(StableId.Sector("燃气"), SectorsOf(graph, duty));
    }

    // 昆山市 第一条: "根据《中华人民共和国安全生产法》《中华人民共和国职业病防治法》《江苏省安全生产条例》…" is no duty:
    // the document itself cites them. Its own title, quoted in the notice, is not a law it relies on.
    [Fact]
    public void Reads_citations_outside_duties_as_the_documents_own()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        var cited = graph.Edges.Where(e => e.Type == EdgeType.Cite && e.FromId == graph.Document.Id)
            .Select(e => graph.Nodes.OfType<Law>().Single(l => l.Id == e.ToId).CanonicalTitle).ToList();
        Assert.Contains("中华人民共和国安全生产法", cited);
        Assert.Contains("中华人民共和国职业病防治法", cited);
        Assert.Contains("江苏省安全生产条例", cited);
        Assert.DoesNotContain(cited, t => graph.Document.Title.Contains(t, StringComparison.Ordinal));
        var edge = graph.Edges.First(e => e.Type == EdgeType.Cite && e.FromId == graph.Document.Id);
        Assert.Equal("《", graph.Text.Substring(edge.Source!.Start, 1));
        Assert.StartsWith("第", edge.Source.Locator, StringComparison.Ordinal);
    }

    // "加强安全生产标准化工作" is 标准化 + 工作: not the 化工 chemical industry.
    [Fact]
    public void Does_not_read_the_chemical_industry_into_standardisation_work()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Zhangshanzi).Graph;
        var duty = Assert.Single(graph.Nodes.OfType<Duty>(), d => d.IsCommon && d.Text.Contains("标准化工作"));
        Assert.DoesNotContain(StableId.Sector("化工"), SectorsOf(graph, duty));
    }

    [Theory]
    [InlineData(SeedCorpus.Weidu, "安全生产法", "中华人民共和国安全生产法", "national-law")]
    [InlineData(SeedCorpus.Luoyang, "安全生产法", "中华人民共和国安全生产法", "national-law")]
    [InlineData(SeedCorpus.Luoyang, "电力法", "中华人民共和国电力法", "national-law")]
    [InlineData(SeedCorpus.Luoyang, "社会保险法", "中华人民共和国社会保险法", "national-law")]
    [InlineData(SeedCorpus.Luoyang, "中华人民共和国消防法", "中华人民共和国消防法", "national-law")]
    [InlineData(SeedCorpus.Luoyang, "工伤保险条例", "工伤保险条例", "administrative-regulation")]
    [InlineData(SeedCorpus.Luoyang, "河南省供用电条例", "河南省供用电条例", "local-regulation")]
    [InlineData(SeedCorpus.Kunshan, "安全生产事故隐患排查治理暂行规定", "安全生产事故隐患排查治理暂行规定", "departmental-rule")]
    // ASCII <> inside 《》 is read as 〈〉.
    [InlineData(SeedCorpus.Korla, "关于印发<生产经营单位安全生产主体责任履职清单要点>的通知", "关于印发〈生产经营单位安全生产主体责任履职清单要点〉的通知", "normative-document")]
    public void Canonicalises_the_laws_the_seeds_cite_with_their_level(string file, string cited, string canonical, string level)
    {
        var graph = SeedCorpus.Read(file).Graph;
        var law = Assert.Single(graph.Nodes.OfType<Law>(), l => l.Title == cited);
        Assert.Equal(canonical, law.CanonicalTitle);
        Assert.Equal(level, law.Level);
        Assert.Contains(graph.Edges, e => e.Type == EdgeType.Cite && e.ToId == law.Id);
    }
}
