using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Tests.Graph;

public sealed class GapQueryTests
{
    [Fact]
    public async Task Backs_an_overlap_with_its_leads_duties_and_a_gap_with_every_duty_about_the_sector_each_time_it_is_asked()
    {
        using var temporary = await TaxonomyStore.CreateAsync();
        var store = temporary.Store;
        var doc = new TestDocument("昆山市", "职责规定");
        var commerce = doc.Body("市商务局", "商务");
        var market = doc.Body("市市场监管局", "市场监督管理");
        var fireBrigade = doc.Body("市消防救援大队", "消防救援");
        var commerceDuty = doc.Duty(commerce, "负责餐饮行业安全生产管理。");
        var marketDuty = doc.Duty(market, "负责餐饮服务食品安全监管。");
        var assistDuty = doc.Duty(fireBrigade, "配合做好餐饮场所消防检查。");
        doc.Edge(EdgeType.Lead, commerce, TestTaxonomy.Catering, null, commerceDuty);
        doc.Edge(EdgeType.Lead, market, TestTaxonomy.Catering, null, marketDuty);
        doc.Edge(EdgeType.Assist, fireBrigade, TestTaxonomy.Catering, null, assistDuty);
        var fireDuty = doc.Duty(fireBrigade, "负责火灾扑救工作。");
        doc.Edge(EdgeType.Covers, fireDuty, TestTaxonomy.Fire);
        await store.LoadDocumentAsync(doc.Build());
        using var model = new ReadModel(store);
        var gaps = new GapQuery(new AnswerCache(enabled: false));

        for (var round = 0; round < 2; round++)
        {
            var coverage = await gaps.FindAsync(await model.CurrentAsync(), doc.Place.Id);

            var overlap = Assert.Single(coverage, c => c.Sector.Id == TestTaxonomy.Catering.Id);
            Assert.Equal(CoverageProblem.MultipleLeads, overlap.Problem);
            Assert.Equal([commerceDuty.Id, marketDuty.Id], overlap.Evidence.Select(d => d.Id));
            Assert.Equal([fireBrigade.Id], overlap.Assist.Select(b => b.Id));
            var gap = Assert.Single(coverage, c => c.Sector.Id == TestTaxonomy.Fire.Id);
            Assert.Equal(CoverageProblem.NoLead, gap.Problem);
            Assert.Equal([fireDuty.Id], gap.Evidence.Select(d => d.Id));
            Assert.Equal([fireBrigade.Id], gap.Concerned.Select(b => b.Id));
        }
    }
}
