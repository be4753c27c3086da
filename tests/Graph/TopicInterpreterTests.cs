using SafetyDuty.Graph.Queries;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Graph;

/// <summary>The topic interpreter over the shipped vocabularies: how an officer's own words are read.</summary>
public sealed class TopicInterpreterTests
{
    private static readonly TopicInterpreter Interpreter = new(Vocabularies.LoadDefault().TopicWords);

    // Phrasings collected by hand, as officers type them: venues, activities, compounds, abbreviations, typos and
    // whole questions. Right of the bar: the sectors the words must be read as (in any order); "—" means nothing
    // may be read (words that look like a sector's but are not about it), and the API answers UNKNOWN_TOPIC.
    private const string Table = """
        燃气 | 燃气
        餐饮 | 餐饮
        燃气 餐饮 | 燃气 餐饮
        燃气安全 | 燃气
        燃气安全管理 | 燃气
        天然气 | 燃气
        液化气 | 燃气
        煤气罐 | 燃气
        液化气罐 | 燃气
        煤气 | 燃气
        瓶装燃气 | 燃气
        燃气泄漏谁负责 | 燃气
        饭店 | 餐饮
        火锅店 | 餐饮
        烧烤店 | 餐饮
        小餐馆 | 餐饮
        食堂 | 餐饮
        餐厅 | 餐饮
        大排档 | 餐饮
        饭店用气 | 燃气 餐饮
        饭店用液化气谁管？ | 燃气 餐饮
        火锅店的煤气罐谁管 | 燃气 餐饮
        餐馆燃气安全 | 燃气 餐饮
        小餐馆用液化气罐 | 燃气 餐饮
        烧烤店用煤气 | 燃气 餐饮
        饭店用燃汽 | 燃气 餐饮
        学校食堂 | 餐饮 学校
        学生食堂燃气 | 餐饮 学校 燃气
        幼儿园食堂 | 餐饮 幼儿园
        危险化学品 | 危险化学品
        危化品 | 危险化学品
        危化 | 危险化学品
        危险品 | 危险化学品
        危化品运输 | 危险化学品 道路运输
        危险品车辆 | 危险化学品 道路运输
        油罐车 | 危险化学品 道路运输
        槽罐车谁管 | 危险化学品 道路运输
        危险化学品运输车 | 危险化学品 道路运输
        危险化学品 道路运输 | 危险化学品 道路运输
        危化品 运输 | 危险化学品 道路运输
        校车 | 校车
        校车安全 | 校车
        接送学生 | 校车
        学生接送车 | 校车
        接送孩子的车谁管 | 校车
        校巴 | 校车
        电动车 | 电动自行车
        电动车充电 | 电动自行车
        电瓶车停放 | 电动自行车
        电动自行车 | 电动自行车
        特设 | 特种设备
        特种设备 | 特种设备
        电梯 | 电梯
        锅炉 | 特种设备
        塔吊 | 起重机械
        消防通道 | 消防
        消防 | 消防
        消防安全 | 消防
        疏散通道堵塞 | 消防
        灭火器 | 消防
        学校消防 | 学校 消防
        消防 学校 | 消防 学校
        网吧消防安全 | 互联网上网服务场所 消防
        KTV消防 | 文化娱乐场所 消防
        ＫＴＶ | 文化娱乐场所
        歌厅 | 文化娱乐场所
        宾馆 | 宾馆
        酒店 | 宾馆
        小旅馆 | 宾馆
        民宿 | 民宿
        农家乐 | 农家乐
        网约车 | 网约车
        滴滴 | 网约车
        出租车 | 城市公共交通
        公交车 | 城市公共交通
        货车 | 道路运输
        交通事故 | 道路交通
        建筑工地 | 建筑施工
        工地 | 建筑施工
        施工安全 | 建筑施工
        养老院 | 养老机构
        敬老院 | 养老机构
        医院 | 医疗机构
        药店 | 药品
        小学 | 学校
        幼儿园 | 幼儿园
        景区 | 旅游景区
        景点 | 旅游景区
        加油站 | 成品油
        烟花爆竹 | 烟花爆竹
        放鞭炮 | 烟花爆竹
        煤矿 | 煤矿
        非煤矿山 | 非煤矿山
        游泳馆 | 高危险性体育项目
        剧本杀 | 剧本杀
        密室逃脱 | 剧本杀
        无人机 | 无人机
        外卖 | 外卖
        商场 | 商场
        超市 | 商场
        菜市场 | 商品交易市场
        小区 | 物业管理
        煤气中毒 | 一氧化碳中毒
        职业病 | 职业卫生
        尘肺 | 职业卫生
        食物中毒 | 食品
        森林防火 | 森林防火
        防火 | 消防
        燃汽 | 燃气
        然气 | 燃气
        天然汽 | 燃气
        液化汽 | 燃气
        消访 | 消防
        餐引 | 餐饮
        危显化学品 | 危险化学品
        校长 | —
        消费 | —
        学习 | —
        天气 | —
        燃料 | —
        小车 | —
        火车 | —
        食糖 | —
        公元 | —
        鸡场 | —
        校服 | —
        消毒 | —
        餐具 | —
        学费 | —
        矿泉水 | —
        化学 | —
        北京市 | —
        安全管理 | —
        谁负责 | —
        """;

    [Fact]
    public void Reads_at_least_ninety_five_percent_of_a_hundred_phrasings_exactly()
    {
        var rows = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(parts => (Text: parts[0], Expected: parts[1] == "—" ? [] : parts[1].Split(' ').Order().ToArray()))
            .ToList();
        Assert.True(rows.Count >= 100, $"only {rows.Count} phrasings");
        Assert.True(rows.Count(r => r.Expected.Length == 0) >= 15, "too few phrasings that must not match");

        var misread = new List<string>();
        foreach (var (text, expected) in rows)
        {
            var read = Interpreter.Interpret(text).Sectors.Select(s => s.Name).Order().ToArray();
            if (!read.SequenceEqual(expected))
            {
                misread.Add($"{text}: read as [{string.Join(' ', read)}], expected [{string.Join(' ', expected)}]");
            }
        }
        var exact = (rows.Count - misread.Count) / (double)rows.Count;
        Assert.True(exact >= 0.95, $"{exact:P0} exact; misread:\n{string.Join('\n', misread)}");
    }

    [Fact]
    public void Reads_a_whole_question_as_its_sectors_and_drops_the_words_that_add_nothing()
    {
        var reading = Interpreter.Interpret("饭店用液化气谁管？");

        Assert.Equal(["饭店", "液化气"], reading.Terms.Select(t => t.Words));
        Assert.Equal(["餐饮", "燃气"], reading.Sectors.Select(s => s.Name));
        Assert.Empty(reading.Unknown);
        Assert.All(reading.Terms, t => Assert.Null(t.CorrectedFrom));
    }

    [Fact]
    public void Offers_a_typo_within_one_character_as_a_correction()
    {
        var reading = Interpreter.Interpret("燃汽");

        var term = Assert.Single(reading.Terms);
        Assert.Equal("燃气", term.Words);
        Assert.Equal("燃汽", term.CorrectedFrom);
        Assert.Equal("燃气", Assert.Single(term.Sectors).Name);
    }

    [Fact]
    public void Reports_a_word_not_understood_with_suggestions_that_share_its_characters()
    {
        var reading = Interpreter.Interpret("燃料");

        Assert.False(reading.IsUnderstood);
        Assert.Equal(["燃料"], reading.Unknown);
        Assert.Contains("醇基燃料", reading.Suggestions);
        Assert.Contains("燃气", reading.Suggestions);
    }

    [Fact]
    public void Reports_the_part_of_a_phrase_it_does_not_understand_beside_the_part_it_does()
    {
        var reading = Interpreter.Interpret("燃气隧道");

        Assert.Equal(["燃气"], reading.Sectors.Select(s => s.Name));
        Assert.Equal(["隧道"], reading.Unknown);
    }

    [Fact]
    public void Reads_nothing_from_an_empty_question()
    {
        var reading = Interpreter.Interpret("  ？ ");

        Assert.False(reading.IsUnderstood);
        Assert.Empty(reading.Unknown);
    }

    [Fact]
    public void A_topic_stands_for_its_sector_and_every_sector_under_it()
    {
        var topics = Interpreter.TopicsOf(Interpreter.Interpret("危化品运输"));

        Assert.Equal(["危险化学品", "道路运输"], topics.Select(t => t.Name));
        Assert.Contains("剧毒化学品", topics[0].Sectors.Select(s => s.Name));
        Assert.Contains("网约车", topics[1].Sectors.Select(s => s.Name));
    }

    [Fact]
    public void Gives_a_sector_terms_other_forms_for_searching_and_none_for_other_words()
    {
        var forms = Interpreter.FormsOf("燃气");

        Assert.NotNull(forms);
        Assert.Contains("天然气", forms);
        Assert.Contains("液化石油气", forms);
        Assert.Equal(forms, Interpreter.FormsOf("天然气"));
        Assert.Null(Interpreter.FormsOf("火锅店"));
        Assert.Null(Interpreter.FormsOf("职责"));
    }
}
