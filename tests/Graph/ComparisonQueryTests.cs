using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Tests.Graph;

public sealed class ComparisonQueryTests
{
    [Fact]
    public async Task Builds_its_answer_from_the_places_and_sectors_as_stored_not_as_the_caller_read_them_earlier()
    {
        using var temporary = await TaxonomyStore.CreateAsync();
        var store = temporary.Store;
        var doc = new TestDocument("昆山市", "职责规定");
        var housing = doc.Body("市住建局", "住房和城乡建设");
        doc.Edge(EdgeType.Lead, housing, TestTaxonomy.TownGas, null, doc.Duty(housing, "负责城镇燃气安全监管。"));
        await store.LoadDocumentAsync(doc.Build());

        // What a caller read before a write replaced the records (another level, another synonym list).
        var stalePlace = doc.Place with { Level = "city" };
        var staleSector = TestTaxonomy.TownGas with { Aliases = [] };
        using var model = new ReadModel(store);
        var comparison = await new ComparisonQuery(new AnswerCache()).CompareAsync(await model.CurrentAsync(), [stalePlace], [staleSector]);

        Assert.Equal(doc.Place, Assert.Single(comparison.Jurisdictions));
        var row = Assert.Single(comparison.Rows);
        Assert.Equal(TestTaxonomy.TownGas.Aliases, row.Sector.Aliases);
        var cell = Assert.Single(row.Cells);
        Assert.Equal(doc.Place, cell.Jurisdiction);
        Assert.Equal([housing.Id], cell.Lead.Select(b => b.Id));
    }
}
