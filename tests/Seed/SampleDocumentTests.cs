using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed;

/// <summary>Small documents written for the tests (tests/Seed/Samples/) in the sector-first and tag-style genres, each
/// beside the leads and assists it states — no more, no fewer. A tag's bodies lead and assist on the sectors its
/// section heading names, or, for a tagged task, on the sectors the task's text names.</summary>
public class SampleDocumentTests
{
    [Fact]
    public void Reads_sector_headings_carrying_an_inline_tag()
    {
        AssertRelations("sector-first-inline.txt",
            "LEAD 县住房和城乡建设局 燃气",
            "ASSIST 县市场监督管理局 燃气",
            "ASSIST 县消防救援大队 燃气",
            "LEAD 县文化和旅游局 民宿",
            "ASSIST 县公安局 民宿",
            "ASSIST 县卫生健康委员会 民宿",
            // Half-width brackets, colons and semicolon.
            "LEAD 县公安局 无人机",
            "ASSIST 县气象局 无人机");
        var graph = Read("sector-first-inline.txt");
        Assert.Equal(["一", "二", "三（一）", "三（二）"], graph.Nodes.OfType<Duty>().Select(d => d.Locator));
        Assert.Equal("负责全县管道燃气和瓶装燃气经营企业的安全监管，督促企业落实入户安检制度。", graph.DutyAt("一").Text);
        Assert.Equal(graph.Body("县公安局").Id, graph.DutyAt("三（二）").OwnerId);
    }

    [Fact]
    public void Reads_separate_lead_and_assist_lines_under_a_sector_heading()
    {
        AssertRelations("sector-first-lines.txt",
            "LEAD 县交通运输局 网约车",
            "ASSIST 县公安局 网约车",
            "ASSIST 县网信办 网约车",
            "ASSIST 县市场监督管理局 网约车",
            // Two leads; the assists separated by a comma.
            "LEAD 县市场监督管理局 电动自行车",
            "LEAD 县公安局 电动自行车",
            "ASSIST 县住房和城乡建设局 电动自行车",
            "ASSIST 县消防救援大队 电动自行车",
            "LEAD 县文化和旅游局 剧本杀",
            "ASSIST 县应急管理局 剧本杀");
        var graph = Read("sector-first-lines.txt");
        // The duty text after the 配合单位 line is not part of the list of bodies.
        Assert.Equal("督促剧本杀、密室逃脱经营场所落实疏散通道畅通要求。", graph.DutyAt("三").Text);
        Assert.Equal(8, graph.Nodes.OfType<Body>().Count());
    }

    [Fact]
    public void Reads_duty_split_tables_under_sector_headings()
    {
        AssertRelations("duty-split-table.txt",
            "LEAD 县教育局 校外培训机构",
            "ASSIST 县消防救援大队 校外培训机构",
            "ASSIST 县市场监督管理局 校外培训机构",
            "ASSIST 县卫生健康委员会 校外培训机构",
            "LEAD 县卫生健康委员会 托育机构",
            "ASSIST 县住房和城乡建设局 托育机构");
        var graph = Read("duty-split-table.txt");
        // The headings name sectors, not bodies.
        Assert.Equal(["县住房和城乡建设局", "县卫生健康委员会", "县市场监督管理局", "县教育局", "县消防救援大队"],
            graph.Nodes.OfType<Body>().Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal("协助做好托育机构房屋安全排查，\n督促整改发现的隐患。", graph.DutyAt("表2（2）").Text);
    }

    [Fact]
    public void Reads_tagged_tasks_including_a_tag_cut_by_a_line_break_and_a_tag_on_its_own_line()
    {
        AssertRelations("tagged-tasks.txt",
            "LEAD 县住房和城乡建设局 燃气",
            "LEAD 县住房和城乡建设局 餐饮",
            "ASSIST 县市场监督管理局 燃气",
            "ASSIST 县市场监督管理局 餐饮",
            "ASSIST 县商务局 燃气",
            "ASSIST 县商务局 餐饮",
            "LEAD 县公安局 道路交通",
            "LEAD 县公安局 学校",
            "ASSIST 县教育局 道路交通",
            "ASSIST 县教育局 学校",
            "LEAD 县民政局 养老机构",
            "LEAD 县民政局 消防");
        var graph = Read("tagged-tasks.txt");
        Assert.Equal("加强学校周边道路交通秩序管理，依法查处接送学生车辆违法行为。", graph.DutyAt("二（二）").Text);
        Assert.Equal("建立养老机构消防安全隐患台账，限期整改到位。", graph.DutyAt("二（三）").Text);
        Assert.Equal(3, graph.Nodes.OfType<Duty>().Count());
    }

    [Fact]
    public void Recognises_an_empty_template_table_as_a_table_with_no_rows()
    {
        var result = SeedCorpus.Reader.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "Samples", "template-table.txt"));
        // Nothing is left over: the title is the document's, the table's header cells are not noise.
        Assert.Empty(result.Report.UnattributedLines);
        Assert.Contains(result.Report.Warnings, w => w.Contains("空表", StringComparison.Ordinal) && w.Contains("隐患描述", StringComparison.Ordinal));
        Assert.Equal(2, result.Graph.DutiesOfBody("县住房和城乡建设局").Count);
        AssertRelations("template-table.txt", "LEAD 县住房和城乡建设局 燃气");
    }

    private static DocumentGraph Read(string sample) =>
        SeedCorpus.Reader.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "Samples", sample)).Graph;

    private static void AssertRelations(string sample, params string[] expected)
    {
        var graph = Read(sample);
        var sectors = Vocabularies.LoadDefault().Sectors.Sectors.ToDictionary(s => s.Id, s => s.Name);
        var bodies = graph.Nodes.OfType<Body>().ToDictionary(b => b.Id, b => b.Name);
        var actual = graph.Edges.Where(e => e.Type is EdgeType.Lead or EdgeType.Assist)
            .Select(e => $"{(e.Type == EdgeType.Lead ? "LEAD" : "ASSIST")} {bodies[e.FromId]} {sectors[e.ToId]}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
        Assert.All(graph.Edges.Where(e => e.Type is EdgeType.Lead or EdgeType.Assist), e => Assert.NotEmpty(e.Evidence));
    }
}
