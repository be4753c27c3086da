using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;
using SafetyDuty.Tests.Api;

namespace SafetyDuty.Tests.Graph;

/// <summary>The read model: each place's graph read once per content version, the same roles as the store's own
/// reads, and a load seen by the next snapshot.</summary>
public sealed class ReadModelTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));
    private readonly SyntheticKnowledgeBase _places = SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault());

    private async Task<SqliteGraphStore> StoreWithAsync(int places)
    {
        var store = new SqliteGraphStore(Path.Combine(_directory, "graph.db"));
        await store.InitializeAsync();
        await store.ReplaceTaxonomyAsync(_places.Taxonomy);
        foreach (var place in _places.Places(places))
        {
            await store.LoadDocumentAsync(place);
        }
        return store;
    }

    // The five seed templates, each as a place (every structure the reader knows), with its graph in the read model.
    private async IAsyncEnumerable<(SqliteGraphStore Store, ReadModel.Snapshot Snapshot, Jurisdiction Place, PlaceGraph Graph)> SeedPlaceGraphsAsync()
    {
        using var store = await StoreWithAsync(5);
        using var model = new ReadModel(store);
        var snapshot = await model.CurrentAsync();
        foreach (var place in snapshot.Places)
        {
            yield return (store, snapshot, place, await snapshot.PlaceGraphAsync(place));
        }
    }

    [Fact]
    public async Task Gives_every_body_the_role_the_stores_own_reads_give_in_every_sector_of_every_place()
    {
        var compared = 0;
        await foreach (var (store, snapshot, place, graph) in SeedPlaceGraphsAsync())
        {
            var read = await new RoleModel(store).ReadAsync([.. snapshot.Taxonomy.Select(s => s.Id)], [place.Id]);
            var expected = read.Roles.Select(r => (r.BodyId, r.SectorId, r.Role, string.Join(',', r.Evidence))).Order().ToList();
            var actual = graph.Roles.Roles.Select(r => (r.BodyId, r.SectorId, r.Role, string.Join(',', r.Evidence))).Order().ToList();
            Assert.Equal(expected, actual);
            compared += actual.Count;
        }
        Assert.True(compared > 300, $"only {compared} roles compared");
    }

    [Fact]
    public async Task Pages_a_places_bodies_as_the_store_pages_them_for_every_filter()
    {
        var compared = 0;
        await foreach (var (store, _, place, graph) in SeedPlaceGraphsAsync())
        {
            var bodies = graph.Nodes.OfType<Body>().ToList();
            // No filter, each agency type, two characters of a name, a name's last two characters with a type, nothing.
            var filters = new List<(string? AgencyType, string? Search)> { (null, null), (null, ""), (null, "没有这个") };
            filters.AddRange(bodies.Select(b => b.AgencyType).OfType<string>().Distinct().Select(t => ((string?)t, (string?)null)));
            filters.AddRange(bodies.Where(b => b.Name.Length >= 3).Take(6).Select(b => ((string?)null, (string?)b.Name.Substring(1, 2))));
            filters.AddRange(bodies.Where(b => b.AgencyType is not null).Take(3).Select(b => (b.AgencyType, (string?)b.Name[^2..])));
            foreach (var (agencyType, search) in filters)
            {
                foreach (var (skip, take) in new[] { (0, 5), (5, 5), (0, 1000), (990, 20) })
                {
                    var expected = await store.FindNodesAsync(new NodeQuery(NodeLabel.Body, place.Id, agencyType, search, skip, take));
                    var actual = graph.FindBodies(agencyType, search, skip, take);
                    Assert.Equal(expected.TotalCount, actual.TotalCount);
                    Assert.Equal(expected.Items.Select(b => b.Id), actual.Items.Select(b => b.Id));
                    compared += actual.Items.Count;
                }
            }
        }
        Assert.True(compared > 300, $"only {compared} bodies compared");
    }

    [Fact]
    public async Task Pages_every_places_bodies_as_the_store_pages_them_once_every_place_is_read()
    {
        using var store = await StoreWithAsync(5);
        using var model = new ReadModel(store);
        var snapshot = await model.CurrentAsync();
        Assert.Null(snapshot.FindBodiesEverywhere(null, null, 0, 10));
        foreach (var place in snapshot.Places)
        {
            await snapshot.PlaceGraphAsync(place);
        }

        var bodies = (await store.FindAllNodesAsync(new NodeQuery(NodeLabel.Body))).OfType<Body>().ToList();
        var filters = new List<(string? AgencyType, string? Search)> { (null, null), (null, ""), (null, "没有这个"), ("没有这个", null) };
        filters.AddRange(bodies.Select(b => b.AgencyType).OfType<string>().Distinct().Select(t => ((string?)t, (string?)null)));
        filters.AddRange(bodies.Where(b => b.Name.Length >= 3).Take(6).Select(b => ((string?)null, (string?)b.Name.Substring(1, 2))));
        filters.AddRange(bodies.Where(b => b.AgencyType is not null).Take(3).Select(b => (b.AgencyType, (string?)b.Name[^2..])));
        var compared = 0;
        foreach (var (agencyType, search) in filters)
        {
            foreach (var (skip, take) in new[] { (0, 5), (5, 5), (0, 1000), (990, 20) })
            {
                var expected = await store.FindNodesAsync(new NodeQuery(NodeLabel.Body, null, agencyType, search, skip, take));
                var actual = snapshot.FindBodiesEverywhere(agencyType, search, skip, take)!;
                Assert.Equal(expected.TotalCount, actual.TotalCount);
                Assert.Equal(expected.Items.Select(b => b.Id), actual.Items.Select(b => b.Id));
                compared += actual.Items.Count;
            }
        }
        Assert.True(compared > 500, $"only {compared} bodies compared");
    }

    [Fact]
    public async Task Reads_a_place_once_per_content_version_however_many_questions_ask()
    {
        using var store = await StoreWithAsync(2);
        var counting = new CountingGraphStore(store);
        using var model = new ReadModel(counting);
        var snapshot = await model.CurrentAsync();
        counting.Reset();
        var place = snapshot.Places[0];
        var graphs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => snapshot.PlaceGraphAsync(place)));
        Assert.All(graphs, g => Assert.Same(graphs[0], g));
        // Four labels of nodes, three kinds of edges, and the version checked once after.
        Assert.True(counting.Reads <= 8, counting.ToString());
        var reads = counting.Reads;
        await snapshot.PlaceGraphAsync(place);
        Assert.Equal(reads, counting.Reads);
    }

    [Fact]
    public async Task A_load_is_seen_by_the_next_snapshot_and_the_old_one_keeps_its_version()
    {
        using var store = await StoreWithAsync(1);
        using var model = new ReadModel(store);
        var before = await model.CurrentAsync();
        var place = before.Places[0];
        var bodiesBefore = (await before.PlaceGraphAsync(place)).Nodes.OfType<Body>().Count();

        // The same place's document, one revision later, and a second place.
        await store.LoadDocumentAsync(_places.Place(5));
        var after = await model.CurrentAsync();
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(2, after.Places.Count);
        Assert.Single(before.Places);
        Assert.Equal(bodiesBefore, (await before.PlaceGraphAsync(place)).Nodes.OfType<Body>().Count());
        var added = after.Places.Single(p => p.Id != place.Id);
        Assert.NotEmpty((await after.PlaceGraphAsync(added)).Nodes.OfType<Body>());
        Assert.NotNull(after.KnownNode((await after.PlaceGraphAsync(added)).Nodes.OfType<Duty>().First().Id));
    }

    [Fact]
    public async Task Compacting_the_search_index_changes_no_search_answer_and_no_content_version()
    {
        using var store = await StoreWithAsync(12);
        var version = await store.GetContentVersionAsync();
        var place = (await store.FindNodesAsync(new NodeQuery(NodeLabel.Jurisdiction, Take: 1))).Items[0].Id;
        string[] words = ["燃气", "消防 学校", "危险化学品", "\"安全生产\"", "餐饮"];
        async Task<List<string>> SearchAsync() => [.. (await Task.WhenAll(words.SelectMany(w => new[]
            {
                store.SearchAsync(new TextQuery(w, NodeLabel.Duty, Take: 40)),
                store.SearchAsync(new TextQuery(w, NodeLabel.Duty, place, Take: 40)),
            })))
            .SelectMany(page => page.Items.Select(hit => hit.Node.Id).Prepend(page.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        var before = await SearchAsync();
        Assert.True(before.Count > 100, $"{before.Count}: too few matches to compare");

        await store.CompactSearchIndexAsync();

        Assert.Equal(before, await SearchAsync());
        Assert.Equal(version, await store.GetContentVersionAsync());
    }

    [Fact]
    public async Task The_same_vocabulary_again_leaves_the_taxonomy_and_the_content_version_and_a_revised_one_is_written()
    {
        using var store = await StoreWithAsync(1);
        var version = await store.GetContentVersionAsync();
        Assert.False(await store.EnsureTaxonomyAsync(_places.Taxonomy));
        Assert.Equal(version, await store.GetContentVersionAsync());

        var revised = _places.Taxonomy.Select((s, i) => i == 0 ? s with { Aliases = [.. s.Aliases, "新同义词"] } : s).ToList();
        Assert.True(await store.EnsureTaxonomyAsync(revised));
        Assert.NotEqual(version, await store.GetContentVersionAsync());
        Assert.Contains(await store.GetSectorClosureAsync("新同义词"), s => s.Id == revised[0].Id);
        Assert.False(await store.EnsureTaxonomyAsync(revised));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
