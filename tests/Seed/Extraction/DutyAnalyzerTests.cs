using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed.Extraction;

public class DutyAnalyzerTests
{
    private static readonly DutyAnalyzer Analyzer = new(Vocabularies.LoadDefault());

    /// <summary>Each sector once, with the strongest role the duty gives it (Lead over Assist over Covers).</summary>
    private static Dictionary<string, DutyRole> Roles(string duty) =>
        Analyzer.Analyze(duty).Sectors
            .GroupBy(s => s.Match.Sector.Name)
            .ToDictionary(g => g.Key, g => g.Min(s => s.Role));

    private static void AssertRoles(string duty, params (string Sector, DutyRole Role)[] expected)
    {
        Assert.Equal(expected.OrderBy(e => e.Sector, StringComparer.Ordinal), Roles(duty).Select(kv => (kv.Key, kv.Value)).OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Kunshan_housing_bureau_leads_town_gas()
    {
        AssertRoles("4. 负责城镇燃气行业安全监督管理，依法打击燃气非法经营、储存、使用等行为。", ("燃气", DutyRole.Lead));
    }

    [Fact]
    public void Kunshan_commerce_bureau_covers_catering_and_gas_without_leading_them()
    {
        AssertRoles(
            "1. 督促餐饮企业落实安全生产主体责任，对未与供气企业签订供用气合同的餐饮场所，督促其与合法供气企业签订安全供用气合同，并接受安全用气检查指导。",
            ("燃气", DutyRole.Covers), ("餐饮", DutyRole.Covers));
    }

    [Fact]
    public void Kunshan_commerce_bureau_assists_on_trade_catering_and_lodging()
    {
        AssertRoles("2. 配合有关部门做好商贸服务业（含餐饮、住宿）安全生产监督管理工作。",
            ("商贸服务业", DutyRole.Assist), ("餐饮", DutyRole.Assist), ("宾馆", DutyRole.Assist));
    }

    [Fact]
    public void The_nearest_verb_in_the_clause_decides_the_role()
    {
        // 市市场监督管理局 10: 负责协助 — the body assists.
        AssertRoles("10. 负责协助有关部门督促指导药品、医疗器械、保健食品、化妆品生产企业安全生产工作。",
            ("药品", DutyRole.Assist), ("食品", DutyRole.Assist));
        // 区住建局（三）: leads municipal facilities, only coordinates gas and heating.
        AssertRoles("（三）负责城市市政公用设施建设、安全生产、应急管理，协调燃气、热力等安全运行监督管理。",
            ("市政工程", DutyRole.Lead), ("燃气", DutyRole.Assist), ("供热", DutyRole.Assist));
    }

    [Fact]
    public void An_exclusion_in_brackets_is_not_covered()
    {
        AssertRoles("5. 依法负责我市境内天然气输送管道保护工作（不含城镇燃气）。", ("油气管道", DutyRole.Lead));
        AssertRoles("（七）负责全区石油天然气管道（城镇燃气管道和炼油、化工等企业厂区内管道除外）保护工作。", ("油气管道", DutyRole.Lead));
    }

    [Fact]
    public void Undertaking_supervision_is_a_lead_but_undertaking_other_work_is_not()
    {
        AssertRoles("3. 承担工矿商贸行业安全生产监督管理职责。", ("商贸服务业", DutyRole.Lead));
        AssertRoles("（二）负责渔业安全生产工作，承担职责范围内渔业安全生产应急处置工作。", ("渔业", DutyRole.Lead));
        AssertRoles("3. 依法履行林业安全生产监督管理职责。", ("林业", DutyRole.Lead));
    }

    [Fact]
    public void Supervision_stated_after_the_sector_is_a_lead()
    {
        AssertRoles("1. 依法对文化市场安全生产工作实施监督管理；组织制定文化市场突发事件应急预案，加强应急管理。",
            ("文化娱乐场所", DutyRole.Lead));
    }

    [Fact]
    public void The_person_in_charge_is_not_a_verb_but_in_charge_of_civil_air_defence_is()
    {
        AssertRoles("1. 负责人防工程的安全监督管理，制定人防工程质量监督、安全生产和维护管理等方面的制度。", ("人防工程", DutyRole.Lead));
        Assert.Empty(Analyzer.Analyze("主要负责人承担本地区本行业领域安全生产工作的第一责任。").Mentions);
    }

    [Fact]
    public void Zhangshanzi_police_station_leads_fire_chemicals_and_explosives()
    {
        foreach (var (duty, sector) in new[]
        {
            ("(1)负责消防安全监督管理；", "消防"),
            ("(2)负责危险化学品公共安全管理；", "危险化学品"),
            ("(4)负责大型群众性活动安全管理；", "大型群众性活动"),
            ("(5)负责“九小场所”的安全管理；", "公众聚集场所"),
        })
        {
            AssertRoles(duty, (sector, DutyRole.Lead));
        }

        AssertRoles("(3)负责民用爆炸物品和烟花爆竹公共安全管理；", ("民用爆炸物品", DutyRole.Lead), ("烟花爆竹", DutyRole.Lead));
    }

    [Fact]
    public void Korla_annex_cells_read_their_scope_and_skip_the_body_name()
    {
        AssertRoles("住建部门：负责燃气安全管理", ("燃气", DutyRole.Lead));
        AssertRoles("文体旅游部门：负责旅行社的包车、租车安全监管",
            ("旅行社", DutyRole.Lead), ("道路运输", DutyRole.Lead), ("汽车租赁", DutyRole.Lead));
        AssertRoles("市场监管部门：负责醇基燃料质量监督管理，和餐饮场所使用醇基燃料安全监督管理。",
            ("醇基燃料", DutyRole.Lead), ("餐饮", DutyRole.Covers));
    }

    [Fact]
    public void Finds_the_bodies_a_duty_names_with_the_role_of_their_verb()
    {
        var a = Analyzer.Analyze("与市安全监管局联合发布实施安全生产监管部门监管监察能力建设规划");
        var m = Assert.Single(a.Mentions);
        Assert.Equal(("市安全监管局", 1, 6, DutyRole.Assist), (m.Text, m.Start, m.Length, m.Role));

        Assert.Equal(["国土、建设部门"], Analyzer.Analyze("2. 会同国土、建设部门负责尾矿库下游控制区设置和库区下游建设规划及监督检查。").Mentions.Select(x => x.Text));
        Assert.Equal(["公安、交通等部门"], Analyzer.Analyze("协助公安、交通等部门严厉查处拖拉机违法载客等行为。").Mentions.Select(x => x.Text));
        Assert.Equal(["消防部门"], Analyzer.Analyze("配合消防部门做好共用消防设施器材维护检查。").Mentions.Select(x => x.Text));
        var byWhom = Assert.Single(Analyzer.Analyze("计量装置前（含计量装置）燃气设施维护和更新，由燃气经营企业负责").Mentions);
        Assert.Equal(("燃气经营企业", DutyRole.Lead), (byWhom.Text, byWhom.Role));
    }

    [Fact]
    public void A_generic_reference_is_not_a_mention()
    {
        Assert.Empty(Analyzer.Analyze("2. 配合有关部门制订安全生产经济政策并进行监督检查。").Mentions);
        Assert.Empty(Analyzer.Analyze("协助区人民政府有关部门或者按照授权依法履行安全生产监督管理职责。").Mentions);
        Assert.Empty(Analyzer.Analyze("1. 配合负有安全生产监督管理职责的部门起草有关安全生产的规范性文件草案。").Mentions);
        Assert.Empty(Analyzer.Analyze("（一）协助区委主要负责同志落实市委对安全生产的领导职责。").Mentions);
    }

    [Fact]
    public void Mentioned_bodies_are_not_read_as_sectors()
    {
        AssertRoles("5. 在履行法律法规规定的行政许可职责中，对涉及安全的有关事项严格按照有关规定审查把关。协助旅游部门制定并落实林区自助休闲旅游等相关安全防范措施。",
            ("林业", DutyRole.Assist), ("旅游", DutyRole.Assist));
        var a = Analyzer.Analyze("协助旅游部门制定措施");
        Assert.Empty(a.Sectors);
    }

    [Fact]
    public void Reports_the_laws_a_duty_cites()
    {
        var a = Analyzer.Analyze("2. 贯彻实施《社会保险法》《工伤保险条例》，依法推动、督促用人单位为全部职工办理社会保险。");
        Assert.Equal(["中华人民共和国社会保险法", "工伤保险条例"], a.Laws.Select(l => l.Law.CanonicalTitle));
    }

    [Fact]
    public void Offsets_index_the_text_passed_in()
    {
        const string duty = "（四）负责辖区内燃气安全管理；";
        var s = Assert.Single(Analyzer.Analyze(duty).Sectors);
        Assert.Equal("燃气", duty.Substring(s.Match.Start, s.Match.Length));
    }

    [Fact]
    public void Analyses_all_five_seeds_without_failing()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "documents");
        var total = 0;
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var a = Analyzer.Analyze(text);
            Assert.All(a.Sectors, s => Assert.InRange(s.Match.Start + s.Match.Length, 1, text.Length));
            total += a.Sectors.Count;
        }

        Assert.True(total > 1000, $"{total} sector matches");
    }
}
