using BenchmarkDotNet.Attributes;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Benchmarks;

/// <summary>The embedded store's single-hop reads and full text on a synthetic knowledge base of 100 places.</summary>
[MemoryDiagnoser]
public class StoreReadBenchmarks : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "safetyduty-bench", "reads-100.db");
    private SqliteGraphStore _store = null!;
    private string _placeId = "";
    private string _bodyId = "";
    private string[] _dutyIds = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var knowledgeBase = SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault());
        var fresh = !File.Exists(_path);
        _store = new SqliteGraphStore(_path);
        await _store.InitializeAsync();
        if (fresh)
        {
            await _store.ReplaceTaxonomyAsync(knowledgeBase.Taxonomy);
            foreach (var graph in knowledgeBase.Places(100))
            {
                await _store.LoadDocumentAsync(graph);
            }
        }

        var place = knowledgeBase.Place(42);
        _placeId = place.Document.JurisdictionId;
        _bodyId = place.Nodes.OfType<Body>().First(b => b.AgencyType == "商务").Id;
        _dutyIds = [.. place.Nodes.OfType<Duty>().Take(20).Select(d => d.Id)];
    }

    // Not sealed: BenchmarkDotNet runs a class it derives from.
    [GlobalCleanup]
    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What every request reads first: the content version its answers belong to.</summary>
    [Benchmark]
    public Task<long> ContentVersion() => _store.GetContentVersionAsync();

    [Benchmark]
    public Task<IReadOnlyList<GraphNode>> GetNodes() => _store.GetNodesAsync(_dutyIds);

    [Benchmark]
    public Task<Page<GraphNode>> FindBodiesOfAPlace() => _store.FindNodesAsync(new NodeQuery(NodeLabel.Body, _placeId));

    [Benchmark]
    public Task<IReadOnlyList<GraphEdge>> DutiesOfABody() => _store.GetEdgesAsync([_bodyId], EdgeType.HasDuty, Direction.Outgoing);

    [Benchmark]
    public Task<IReadOnlyList<GraphEdge>> SectorsOfDuties() => _store.GetEdgesAsync(_dutyIds, EdgeType.Covers, Direction.Outgoing);

    [Benchmark]
    public Task<Page<SearchHit>> SearchGasInAPlace() => _store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, _placeId, Take: 20));

    [Benchmark]
    public Task<Page<SearchHit>> SearchCateringEverywhere() => _store.SearchAsync(new TextQuery("餐饮", NodeLabel.Duty, Take: 20));

    [Benchmark]
    public Task<IReadOnlyList<Sector>> GasClosure() => _store.GetSectorClosureAsync("燃气");
}
