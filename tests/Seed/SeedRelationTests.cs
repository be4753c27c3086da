using SafetyDuty.Graph.Model;

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
}
