using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed.Vocabulary;

public class LawCatalogTests
{
    private static readonly LawCatalog Laws = Vocabularies.LoadDefault().Laws;

    [Theory]
    [InlineData("安全生产法", "中华人民共和国安全生产法", "national-law")]
    [InlineData("中华人民共和国安全生产法", "中华人民共和国安全生产法", "national-law")]
    [InlineData("电力法", "中华人民共和国电力法", "national-law")]
    [InlineData("社会保险法", "中华人民共和国社会保险法", "national-law")]
    [InlineData("工伤保险条例", "工伤保险条例", "administrative-regulation")]
    [InlineData("河南省安全生产条例", "河南省安全生产条例", "local-regulation")]
    [InlineData("安全生产事故隐患排查治理暂行规定", "安全生产事故隐患排查治理暂行规定", "departmental-rule")]
    [InlineData("履职清单要点", "生产经营单位安全生产主体责任履职清单要点", "normative-document")]
    [InlineData("关于办理危害生产安全刑事案件使用法律若干问题的解释", "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释", "normative-document")]
    [InlineData("库尔勒市新业态和职能交叉行业领域安全生产监管职责清单", "库尔勒市新业态和职能交叉行业领域安全生产监管职责清单（第一批）", "normative-document")]
    public void Canonicalises_a_cited_title_with_its_level(string cited, string canonical, string level)
    {
        var law = Laws.Canonicalize(cited);
        Assert.Equal(canonical, law.CanonicalTitle);
        Assert.Equal(level, law.Level);
        Assert.Equal(StableId.Law(canonical), law.Id);
        Assert.Equal(cited, law.Title);
    }

    [Theory]
    [InlineData("中华人民共和国道路交通安全法", "national-law")]
    [InlineData("浙江省消防条例", "local-regulation")]
    [InlineData("危险化学品安全管理条例", "administrative-regulation")]
    [InlineData("某市燃气管理办法", "departmental-rule")]
    [InlineData("关于加强燃气安全工作的通知", "normative-document")]
    [InlineData("某某实施意见（征求意见稿）", "normative-document")]
    [InlineData("某行业安全检查表", null)]
    public void Guesses_the_level_of_an_unknown_title_from_its_form(string cited, string? level)
    {
        var law = Laws.Canonicalize(cited);
        Assert.Equal(cited, law.CanonicalTitle);
        Assert.Equal(level, law.Level);
    }

    [Fact]
    public void Finds_every_citation_in_a_sentence_with_its_span()
    {
        const string text = "根据《中华人民共和国安全生产法》《中华人民共和国职业病防治法》《江苏省安全生产条例》，制定本规定。";
        var found = Laws.FindCitations(text);
        Assert.Equal(["中华人民共和国安全生产法", "中华人民共和国职业病防治法", "江苏省安全生产条例"], found.Select(c => c.Law.CanonicalTitle));
        Assert.Equal("《中华人民共和国安全生产法》", text.Substring(found[0].Start, found[0].Length));
    }

    [Fact]
    public void Reads_a_title_split_over_two_lines()
    {
        const string text = "关于对《关于进一步健全安全生产责任体系的实施\n意见（征求意见稿）》公开征求意见的公告";
        var citation = Assert.Single(Laws.FindCitations(text));
        Assert.Equal("关于进一步健全安全生产责任体系的实施意见（征求意见稿）", citation.CitedTitle);
        Assert.Equal("normative-document", citation.Law.Level);
        Assert.Equal(3, citation.Start);
        Assert.Equal(text.IndexOf('》', StringComparison.Ordinal) + 1 - 3, citation.Length);
    }

    [Fact]
    public void Reads_a_title_with_an_extra_closing_bracket_and_ascii_nesting()
    {
        const string text = "为深入贯彻《国务院安全生产委员会印发<关于进一步强化安全生产责任落实、坚决防范遏制重特大事故的若干措施>》的通知》（安委〔2022〕6号），进一步健全";
        var found = Laws.FindCitations(text);
        Assert.Equal(
            "国务院安全生产委员会印发〈关于进一步强化安全生产责任落实、坚决防范遏制重特大事故的若干措施〉的通知",
            found[0].Law.CanonicalTitle);
        Assert.Equal(text.IndexOf("的通知》", StringComparison.Ordinal) + 4, found[0].Start + found[0].Length);
        Assert.Contains(found, c => c.Law.CanonicalTitle == "关于进一步强化安全生产责任落实、坚决防范遏制重特大事故的若干措施");
    }

    [Fact]
    public void Reads_nested_angle_brackets_and_spaces_as_one_title_and_cites_the_known_inner_one()
    {
        const string text = "以及《市委市政府关于转发〈苏州市安全生产 “党政同责、一岗双责” 实施细则〉的通知》（昆委〔2015〕8号）等文件";
        var found = Laws.FindCitations(text);
        Assert.Equal("市委市政府关于转发〈苏州市安全生产“党政同责、一岗双责”实施细则〉的通知", found[0].Law.CanonicalTitle);
        Assert.Equal("苏州市安全生产“党政同责、一岗双责”实施细则", found[1].Law.CanonicalTitle);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void Gives_the_same_law_for_ascii_and_full_width_nesting()
    {
        var ascii = Laws.Canonicalize("枣庄市贯彻落实<地方党政领导干部安全生产责任制规定>实施办法");
        var fullWidth = Laws.Canonicalize("枣庄市贯彻落实〈地方党政领导干部安全生产责任制规定〉实施办法");
        Assert.Equal(ascii.Id, fullWidth.Id);
        Assert.Equal("normative-document", ascii.Level);
    }

    [Fact]
    public void Ignores_an_opening_bracket_that_never_closes()
    {
        Assert.Empty(Laws.FindCitations("依照《安全生产法的规定。其他内容"));
        Assert.Single(Laws.FindCitations("《残缺 又有《安全生产法》"));
    }

    [Fact]
    public void Knows_every_title_cited_in_the_five_seeds()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "documents");
        var unknown = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            foreach (var citation in Laws.FindCitations(File.ReadAllText(file)))
            {
                if (!Laws.Entries.Any(e => e.Canonical == citation.Law.CanonicalTitle))
                {
                    unknown.Add(citation.CitedTitle);
                }
            }
        }

        // Only the blank forms of 库尔勒市's annex remain unknown: they are templates, not laws.
        Assert.All(unknown, t => Assert.Matches("监管责任清单$|对照检查表$", t));
    }
}
