using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed.Vocabulary;

public class AgencyTypeResolverTests
{
    private static readonly AgencyTypeResolver Resolver = Vocabularies.LoadDefault().AgencyTypes;

    [Theory]
    [InlineData("市安全生产监督管理局", "应急管理")]
    [InlineData("市安全监管局", "应急管理")]
    [InlineData("区应急管理局", "应急管理")]
    [InlineData("镇应急管理办公室（安全生产委员会办公室）", "应急管理")]
    [InlineData("市食品药品监管局", "市场监督管理")]
    [InlineData("市工商局", "市场监督管理")]
    [InlineData("市质量技术监督局", "市场监督管理")]
    [InlineData("张山子食药监所", "市场监督管理")]
    [InlineData("区市场监管分局", "市场监督管理")]
    [InlineData("市卫生和计划生育委员会", "卫生健康")]
    [InlineData("市卫计委", "卫生健康")]
    [InlineData("区卫健委", "卫生健康")]
    [InlineData("市文化广电新闻出版局", "文化和旅游")]
    [InlineData("市旅游局", "文化和旅游")]
    [InlineData("市旅发委", "文化和旅游")]
    [InlineData("区文广旅局", "文化和旅游")]
    [InlineData("张山子派出所", "公安")]
    [InlineData("公安派出机构", "公安")]
    [InlineData("张山子交警中队", "公安")]
    [InlineData("交通部门", "交通运输")]
    [InlineData("交通运输部门", "交通运输")]
    [InlineData("市国土资源局", "自然资源")]
    [InlineData("张山子国土所", "自然资源")]
    [InlineData("区自然资源和规划分局", "自然资源")]
    [InlineData("区住建局", "住房和城乡建设")]
    [InlineData("市住房城乡建设委", "住房和城乡建设")]
    [InlineData("张山子镇乡村规划建设监督管理办公室", "住房和城乡建设")]
    [InlineData("洛阳市消防支队", "消防救援")]
    [InlineData("区消防救援大队", "消防救援")]
    [InlineData("市政府法制办", "司法")]
    [InlineData("洛阳出入境检验检疫局", "海关")]
    [InlineData("河南煤矿安全监察局豫西监察分局", "矿山安全监察")]
    [InlineData("郑州铁路局洛阳安全监察队", "铁路")]
    [InlineData("市民委（市宗教局）", "民族宗教")]
    [InlineData("区安委会办公室（设在区应急管理局）", "安全生产委员会办公室")]
    [InlineData("商务工信部门", "商务")]
    [InlineData("人民银行洛阳市中心支行", "人民银行")]
    [InlineData("镇劳动和社会保障所", "人力资源和社会保障")]
    [InlineData("公安县应急管理局", "应急管理")]
    public void Resolves_names_across_places_and_the_2018_reform(string name, string type)
    {
        Assert.Equal(type, Resolver.Resolve(name));
    }

    [Fact]
    public void Returns_null_for_a_name_it_does_not_know()
    {
        Assert.Null(Resolver.Resolve("特许经营行业"));
        Assert.Null(Resolver.Resolve(""));
    }

    [Theory]
    [InlineData("区委组织部", BodyKind.PartyOrgan)]
    [InlineData("中共洛阳市委办公室", BodyKind.PartyOrgan)]
    [InlineData("区安委会", BodyKind.Committee)]
    [InlineData("区安全生产委员会（以下简称区安委会）", BodyKind.Committee)]
    [InlineData("区安委会办公室（设在区应急管理局）", BodyKind.CommitteeOffice)]
    [InlineData("市安委会办公室", BodyKind.CommitteeOffice)]
    [InlineData("区总工会", BodyKind.MassOrganisation)]
    [InlineData("团区委", BodyKind.MassOrganisation)]
    [InlineData("区妇联", BodyKind.MassOrganisation)]
    [InlineData("洛阳军分区", BodyKind.Military)]
    [InlineData("区人武部", BodyKind.Military)]
    [InlineData("市人民检察院", BodyKind.Judicial)]
    [InlineData("供气企业", BodyKind.Enterprise)]
    [InlineData("资产经营投资公司", BodyKind.Enterprise)]
    [InlineData("行政村", BodyKind.Grassroots)]
    [InlineData("村委会", BodyKind.Grassroots)]
    [InlineData("社区", BodyKind.Grassroots)]
    [InlineData("各工作点", BodyKind.Grassroots)]
    [InlineData("各街道办事处（管委会）", BodyKind.Grassroots)]
    [InlineData("区政府", BodyKind.Government)]
    [InlineData("市发展和改革委员会", BodyKind.Department)]
    [InlineData("市公安局", BodyKind.Department)]
    [InlineData("市政府国资委", BodyKind.Department)]
    [InlineData("镇水利站", BodyKind.Department)]
    [InlineData("张山子派出所", BodyKind.Department)]
    [InlineData("市政府法制办", BodyKind.Department)]
    [InlineData("各有关部门", BodyKind.Group)]
    [InlineData("市安委会各成员单位", BodyKind.Group)]
    public void Tells_the_kind_of_a_body_from_its_name(string name, BodyKind kind)
    {
        Assert.Equal(kind, Resolver.KindOf(name));
    }

    [Theory]
    [InlineData("国土、建设部门", new[] { "自然资源", "住房和城乡建设" })]
    [InlineData("公安、交通等部门", new[] { "公安", "交通运输" })]
    [InlineData("住建、水利、交通、自然资源、应急、发改等部门", new[] { "住房和城乡建设", "水利", "交通运输", "自然资源", "应急管理", "发展和改革" })]
    [InlineData("市安全监管局", new[] { "应急管理" })]
    [InlineData("公安、国土资源等相关部门", new[] { "公安", "自然资源" })]
    [InlineData("乡镇人民政府、海事部门", new[] { "人民政府", "交通运输" })]
    [InlineData("上级邮政管理部门", new[] { "邮政管理" })]
    [InlineData("有关部门", new string[0])]
    public void Resolves_a_mention_that_names_several_bodies(string mention, string[] types)
    {
        Assert.Equal(types, Resolver.ResolveMention(mention));
    }

    [Fact]
    public void Lists_the_canonical_types_once_each()
    {
        Assert.Equal(Resolver.Types.Count, Resolver.Types.Distinct().Count());
        Assert.Contains("应急管理", Resolver.Types);
        Assert.Contains("市场监督管理", Resolver.Types);
    }
}
