using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Seed;

/// <summary>Facts pinned by reading the five seed documents by hand.</summary>
public class SeedDocumentTests
{
    [Theory]
    [InlineData(SeedCorpus.Kunshan, "昆山市", "county", "昆政发〔2017〕41号", "2017-07-12", DocumentStatus.InForce)]
    [InlineData(SeedCorpus.Weidu, "魏都区", "district", null, null, DocumentStatus.Draft)]
    [InlineData(SeedCorpus.Luoyang, "洛阳市", "prefecture", "洛办文〔2017〕37号", "2017-12-28", DocumentStatus.InForce)]
    [InlineData(SeedCorpus.Zhangshanzi, "张山子镇", "town", "张发〔2020〕47号", null, DocumentStatus.InForce)]
    [InlineData(SeedCorpus.Korla, "库尔勒市", "county", null, "2023-09-07", DocumentStatus.Draft)]
    public void Reads_jurisdiction_number_date_and_status(string file, string place, string level, string? number, string? date, DocumentStatus status)
    {
        var graph = SeedCorpus.Read(file).Graph;
        var jurisdiction = graph.Nodes.OfType<Jurisdiction>().Single();
        Assert.Equal(place, jurisdiction.Name);
        Assert.Equal(level, jurisdiction.Level);
        Assert.Equal(number, graph.Document.Number);
        Assert.Equal(date, graph.Document.IssuedOn);
        Assert.Equal(status, graph.Document.Status);
    }

    [Theory]
    [InlineData(SeedCorpus.Kunshan, 39, 0)]
    [InlineData(SeedCorpus.Weidu, 44, 7)]
    [InlineData(SeedCorpus.Luoyang, 71, 0)]
    [InlineData(SeedCorpus.Zhangshanzi, 33, 5)]
    // 库尔勒市 names bodies by function and writes two of them two ways (交通部门 and 交通运输部门, 应急部门 and
    // 应急管理部门): one body each, by the longer name; no leaders' duties.
    [InlineData(SeedCorpus.Korla, 31, 0)]
    public void Finds_every_body_and_leader(string file, int bodies, int leaders)
    {
        var graph = SeedCorpus.Read(file).Graph;
        Assert.Equal(bodies, graph.Nodes.OfType<Body>().Count());
        Assert.Equal(leaders, graph.Nodes.OfType<Leader>().Count());
    }

    [Theory]
    // 昆山市: 38 departments under 第七条, common duties of 第六条.
    [InlineData(SeedCorpus.Kunshan, "各部门", 7)]
    [InlineData(SeedCorpus.Kunshan, "市发展和改革委员会", 6)]
    [InlineData(SeedCorpus.Kunshan, "市经济和信息化委员会", 5)]
    [InlineData(SeedCorpus.Kunshan, "市公安局", 7)]
    [InlineData(SeedCorpus.Kunshan, "市住房和城乡建设局", 6)]
    [InlineData(SeedCorpus.Kunshan, "市商务局", 6)]
    [InlineData(SeedCorpus.Kunshan, "市安全生产监督管理局", 8)]
    [InlineData(SeedCorpus.Kunshan, "市市场监督管理局", 11)]
    [InlineData(SeedCorpus.Kunshan, "市司法局", 2)]
    [InlineData(SeedCorpus.Kunshan, "市国土资源局", 2)]
    [InlineData(SeedCorpus.Kunshan, "上海铁路局昆山站", 3)]
    // 魏都区: 区水利局 has no （一） and two （七）; 区应急管理局 skips （四）; 区旅游文化中心 is one paragraph.
    [InlineData(SeedCorpus.Weidu, "区水利局", 9)]
    [InlineData(SeedCorpus.Weidu, "区应急管理局", 10)]
    [InlineData(SeedCorpus.Weidu, "区市场监管分局", 9)]
    [InlineData(SeedCorpus.Weidu, "区旅游文化中心", 1)]
    [InlineData(SeedCorpus.Weidu, "区安全生产委员会", 7)]
    [InlineData(SeedCorpus.Weidu, "区安委会办公室", 6)]
    [InlineData(SeedCorpus.Weidu, "各部门", 10)]
    [InlineData(SeedCorpus.Weidu, "区发改委", 11)]
    [InlineData(SeedCorpus.Weidu, "区教体局", 9)]
    [InlineData(SeedCorpus.Weidu, "区人武部", 3)]
    // 洛阳市: page-broken items, unnumbered single paragraphs, franchised utilities, enterprises in section 三.
    [InlineData(SeedCorpus.Luoyang, "党委", 13)]
    [InlineData(SeedCorpus.Luoyang, "政府", 30)]
    [InlineData(SeedCorpus.Luoyang, "洛阳军分区", 1)]
    [InlineData(SeedCorpus.Luoyang, "市人民检察院", 1)]
    [InlineData(SeedCorpus.Luoyang, "市外侨办", 1)]
    [InlineData(SeedCorpus.Luoyang, "团市委", 1)]
    [InlineData(SeedCorpus.Luoyang, "市公安局", 9)]
    [InlineData(SeedCorpus.Luoyang, "市住房城乡建设委", 12)]
    [InlineData(SeedCorpus.Luoyang, "供气企业", 5)]
    [InlineData(SeedCorpus.Luoyang, "供电企业", 8)]
    [InlineData(SeedCorpus.Luoyang, "供热企业", 6)]
    [InlineData(SeedCorpus.Luoyang, "供水企业", 3)]
    [InlineData(SeedCorpus.Luoyang, "企业", 30)]
    // 张山子镇: common duties 四（一）, three unnumbered paragraphs of 镇农机站, the missing (六)(七) of 三.
    [InlineData(SeedCorpus.Zhangshanzi, "各部门", 12)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇安委会", 7)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇应急管理办公室", 10)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇农机站", 3)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇畜牧水产站", 2)]
    [InlineData(SeedCorpus.Zhangshanzi, "张山子派出所", 6)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇教委", 8)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇经委", 8)]
    [InlineData(SeedCorpus.Zhangshanzi, "各工作点、行政村", 8)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇财政所", 1)]
    public void Counts_the_duties_of_a_body(string file, string body, int duties)
    {
        Assert.Equal(duties, SeedCorpus.Read(file).Graph.DutiesOfBody(body).Count);
    }

    [Theory]
    [InlineData(SeedCorpus.Weidu, "区委主要负责同志", 5)]
    [InlineData(SeedCorpus.Weidu, "区政府主要负责同志", 6)]
    [InlineData(SeedCorpus.Weidu, "区委、区政府领导班子成员", 1)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇党委主要负责人（书记）", 7)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇其他党政领导班子成员", 1)]
    [InlineData(SeedCorpus.Zhangshanzi, "镇应急管理办公室（安全生产委员会办公室）专职副主任", 7)]
    public void Counts_the_duties_of_a_leader(string file, string leader, int duties)
    {
        var graph = SeedCorpus.Read(file).Graph;
        Assert.Equal(duties, graph.DutiesOf(graph.Leader(leader).Id).Count);
    }

    [Fact]
    public void Reads_a_duty_split_across_a_page_break_as_one_item()
    {
        var duty = SeedCorpus.Read(SeedCorpus.Luoyang).Graph.DutyAt("一（一）3");
        Assert.StartsWith("各级党委主要负责人对本地区安全生产工作负总体领导责任，", duty.Text);
    }

    [Fact]
    public void Keeps_locators_and_exact_text()
    {
        var kunshan = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        var gas = kunshan.DutyAt("第七条（十二）4");
        Assert.Equal("负责城镇燃气行业安全监督管理，依法打击燃气非法经营、储存、使用等行为。", gas.Text);
        Assert.Equal(kunshan.Body("市住房和城乡建设局").Id, gas.OwnerId);
        Assert.Equal(gas.Text, kunshan.Text.Substring(gas.Source.Start + 3, gas.Text.Length));

        var luoyang = SeedCorpus.Read(SeedCorpus.Luoyang).Graph;
        Assert.StartsWith("负责危险化学品公共安全管理。", luoyang.DutyAt("二（八）3").Text);
        Assert.StartsWith("按程序和规定组织指挥所属部队", luoyang.DutiesOfBody("洛阳军分区")[0].Text);
        Assert.Contains("管理人员和从业人员", luoyang.DutyAt("三（三）").Text);
    }

    [Fact]
    public void Marks_common_duties_and_makes_every_department_a_member_of_the_group()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        var group = graph.Body("各部门");
        Assert.Equal(BodyKind.Group, group.Kind);
        Assert.All(graph.DutiesOf(group.Id), d => Assert.True(d.IsCommon));
        var members = graph.Edges.Where(e => e.Type == EdgeType.MemberOf && e.ToId == group.Id).Select(e => e.FromId).ToHashSet();
        Assert.Contains(graph.Body("市商务局").Id, members);
    }

    [Theory]
    [InlineData("负有安全生产监督管理职责的部门", 24)]
    [InlineData("负有安全生产行业领域管理职责的部门", 5)]
    [InlineData("负有安全生产支持保障职责的部门", 7)]
    public void Reads_the_classification_groups_of_weidu(string group, int members)
    {
        var graph = SeedCorpus.Read(SeedCorpus.Weidu).Graph;
        var id = graph.Body(group).Id;
        var memberIds = graph.Edges.Where(e => e.Type == EdgeType.MemberOf && e.ToId == id).Select(e => e.FromId).ToList();
        Assert.Equal(members, memberIds.Count);
        // Abbreviated in the table (区商管中心), named in full by its article.
        Assert.All(memberIds, m => Assert.NotNull(graph.Nodes.OfType<Body>().Single(b => b.Id == m).Source?.Locator));
    }

    [Fact]
    public void Reads_alias_and_host_from_heading_brackets()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Weidu).Graph;
        Assert.Contains("区安委会", graph.Body("区安全生产委员会").Aliases);
        Assert.Equal(graph.Body("区应急管理局").Id, graph.Body("区安委会办公室").HostedById);
        Assert.Contains("市宗教局", SeedCorpus.Read(SeedCorpus.Luoyang).Graph.Body("市民委").Aliases);
    }

    [Fact]
    public void Reads_all_24_rows_of_the_korla_annex_with_lead_and_scoped_assists()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Korla).Graph;
        var rows = Enumerable.Range(1, 24).Select(i => graph.Nodes.OfType<Duty>().Where(d => d.Locator == $"附件1（{i}）").ToList()).ToList();
        Assert.All(rows, r => Assert.NotEmpty(r));
        string Owner(Duty d) => graph.Nodes.OfType<Body>().Single(b => b.Id == d.OwnerId).Name;
        // Rows name bodies as written; 交通部门 and 应急部门 are the bodies also written 交通运输部门 and 应急管理部门.
        string[] leads = ["交通运输部门", "文体旅游部门", "文体旅游部门", "农业农村部门", "农业农村部门", "文体旅游部门", "住建部门", "市场监管部门",
            "宣传部门", "市场监管部门", "市场监管部门", "市场监管部门", "文体旅游部门", "卫健部门", "公安部门", "市场监管部门", "交通运输部门",
            "商务工信部门", "农业农村部门", "发改部门", "市场监管部门", "卫健部门", "商务工信部门", "公安部门"];
        for (var i = 0; i < 24; i++)
        {
            Assert.Equal(leads[i], Owner(rows[i][0]));
        }

        var first = rows[0].Skip(1).Select(d => (Owner(d), d.Text)).ToList();
        Assert.Equal([("公安部门", "负责道路行驶安全管理"), ("市场监管部门", "负责车载气瓶检验检测，配合网络平台安全监管"), ("文体旅游部门", "负责旅行社的包车、租车安全监管")], first);
        Assert.Equal(["住建部门", "水利部门", "交通运输部门", "自然资源部门", "应急管理部门", "发改部门"],
            rows[18].Skip(4).Select(Owner).ToList());
        Assert.Equal(["空军部队", "库尔勒机场"], rows[23].Skip(1).Select(Owner).ToList());

        Assert.Contains("交通部门", graph.Nodes.OfType<Body>().Single(b => b.Name == "交通运输部门").Aliases);
        Assert.Contains("应急部门", graph.Nodes.OfType<Body>().Single(b => b.Name == "应急管理部门").Aliases);
        // Two agencies of one type that are not abbreviations of each other stay apart.
        Assert.Single(graph.Nodes.OfType<Body>(), b => b.Name == "旅游部门");
        Assert.Single(graph.Nodes.OfType<Body>(), b => b.Name == "文体旅游部门");
    }

    [Fact]
    public void Reads_inline_responsibility_tags_as_duties_of_the_responsible_body()
    {
        var graph = SeedCorpus.Read(SeedCorpus.Korla).Graph;
        Assert.Equal(graph.Body("市安委会办公室").Id, graph.DutyAt("二（一）1").OwnerId);
        Assert.DoesNotContain("责任单位", graph.DutyAt("二（一）1").Text);
    }

    [Theory]
    [InlineData(SeedCorpus.Kunshan, 5)]
    [InlineData(SeedCorpus.Zhangshanzi, 2)]
    // The notice before the annexes; 附件2 is an empty template table, read as a table with no rows.
    [InlineData(SeedCorpus.Korla, 6)]
    public void Leaves_only_preamble_and_closing_lines_unattributed(string file, int count)
    {
        Assert.Equal(count, SeedCorpus.Read(file).Report.UnattributedLines.Count);
    }

    [Fact]
    public void Warns_about_missing_and_repeated_labels()
    {
        var warnings = SeedCorpus.Read(SeedCorpus.Weidu).Report.Warnings;
        Assert.Contains(warnings, w => w.Contains("第三十六条", StringComparison.Ordinal) && w.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("第四十一条", StringComparison.Ordinal) && w.Contains("（四）", StringComparison.Ordinal));
    }
}
