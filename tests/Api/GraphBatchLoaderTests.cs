using GraphQL.DataLoader;
using SafetyDuty.Api.Schema;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Tests.Graph;

namespace SafetyDuty.Tests.Api;

public sealed class GraphBatchLoaderTests
{
    [Fact]
    public async Task Gives_a_node_the_read_model_holds_at_once_once_the_request_has_its_snapshot_and_defers_the_rest()
    {
        using var temporary = await TaxonomyStore.CreateAsync();
        var store = temporary.Store;
        var doc = new TestDocument("昆山市", "职责规定");
        var housing = doc.Body("市住建局", "住房和城乡建设");
        var duty = doc.Duty(housing, "负责城镇燃气安全监管。");
        doc.Edge(EdgeType.Lead, housing, TestTaxonomy.TownGas, null, duty);
        doc.Edge(EdgeType.Covers, duty, TestTaxonomy.TownGas);
        await store.LoadDocumentAsync(doc.Build());
        using var model = new ReadModel(store);
        var loader = new GraphBatchLoader(store, model);

        // Before the request has taken its snapshot: deferred to the level's batch.
        var early = Assert.IsAssignableFrom<IDataLoaderResult<Jurisdiction?>>(loader.NodeOrDeferred<Jurisdiction>(doc.Place.Id));
        Assert.Equal(doc.Place.Id, (await early.GetResultAsync())!.Id);

        var snapshot = await loader.SnapshotAsync(CancellationToken.None);
        // The place's graph not read yet: its relationships wait for the batch.
        Assert.IsAssignableFrom<IDataLoaderResult>(loader.NeighboursOrDeferred<Sector>(duty.Id, EdgeType.Covers, Direction.Outgoing));
        await snapshot.PlaceGraphAsync(snapshot.Place("昆山市")!);
        // Read: a duty's sectors and a body's leads at once, as the batch gives them.
        var batched = await new GraphBatchLoader(store, model).Neighbours<Sector>(duty.Id, EdgeType.Covers, Direction.Outgoing).GetResultAsync();
        Assert.Equal([TestTaxonomy.TownGas.Id], batched.Select(s => s.Id));
        Assert.Equal(batched.Select(s => s.Id),
            Assert.IsAssignableFrom<IReadOnlyList<Sector>>(loader.NeighboursOrDeferred<Sector>(duty.Id, EdgeType.Covers, Direction.Outgoing)).Select(s => s.Id));
        Assert.Equal([TestTaxonomy.TownGas.Id],
            Assert.IsAssignableFrom<IReadOnlyList<Sector>>(loader.NeighboursOrDeferred<Sector>(housing.Id, EdgeType.Lead, Direction.Outgoing)).Select(s => s.Id));
        Assert.Equal(TestTaxonomy.TownGas.Id, Assert.IsType<Sector>(loader.NodeOrDeferred<Sector>(TestTaxonomy.TownGas.Id)).Id);
        Assert.Equal(duty.Id, Assert.IsType<Duty>(loader.NodeOrDeferred<Duty>(duty.Id)).Id);
        // The wrong label is no node; no id is none.
        Assert.Null(loader.NodeOrDeferred<Body>(duty.Id));
        Assert.Null(await Assert.IsAssignableFrom<IDataLoaderResult<Body?>>(loader.NodeOrDeferred<Body>(null)).GetResultAsync());
        // A node the read model does not hold (a law) still comes from the store, with the batch.
        Assert.IsAssignableFrom<IDataLoaderResult>(loader.NodeOrDeferred<Law>("law-not-in-memory"));
    }
}
