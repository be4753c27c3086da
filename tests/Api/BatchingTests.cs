using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Api;

/// <summary>A request's store calls are bounded by its shape, not by the number of results it returns.</summary>
public sealed class BatchingTests(BatchingTests.Factory api) : IClassFixture<BatchingTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override bool CountStoreCalls => true;
    }

    private async Task<int> StoreReadsAsync(string query)
    {
        await api.QueryAsync("{ __typename }");
        api.Counter!.Reset();
        await api.QueryAsync(query);
        return api.Counter.Reads;
    }

    [Fact]
    public async Task Reads_nested_fields_of_many_bodies_in_as_many_store_calls_as_of_few()
    {
        const string shape = "{{ bodies(first: {0}) {{ nodes {{ name jurisdiction {{ name }} duties {{ locator document {{ title }} owner {{ ... on Body {{ name }} }} }} leads {{ name }} }} }} }}";
        var few = await StoreReadsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, 2));
        var many = await StoreReadsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, 100));
        Assert.Equal(few, many);
        Assert.True(many <= 10, $"{many} store calls");
    }

    // Every place's graph read into the read model (a question about every place waits for all of them).
    private async Task ReadEveryPlaceAsync() =>
        await api.QueryAsync("""{ responsibilities(topics: ["消防"], first: 1000) { body { name } } }""");

    [Fact]
    public async Task Reads_the_evidence_documents_of_every_responsibility_from_the_places_already_read()
    {
        await ReadEveryPlaceAsync();
        var reads = await StoreReadsAsync("""
            { responsibilities(topics: ["燃气", "餐饮"]) { body { name jurisdiction { name } } evidence { locator document { title } owner { ... on Body { name } } } } }
            """);
        // The content version (once a request) and the closures of the two topics (read once per version); the roles,
        // duties, documents and owners come from the places' graphs.
        Assert.True(reads <= 3, $"{reads} store calls: {api.Counter}");
    }

    [Fact]
    public async Task Answers_new_questions_about_places_already_read_without_reading_their_rows_again()
    {
        await ReadEveryPlaceAsync();
        foreach (var query in new[]
        {
            """{ gaps(jurisdiction: "昆山市") { sector { name } lead { name } evidence { text } } }""",
            """{ compare(jurisdictions: ["昆山市", "洛阳市"]) { rows { sector { name } cells { lead { name } assist { name } } } } }""",
            """{ responsibilities(topics: ["消防"], jurisdiction: "库尔勒市") { body { name duties { locator } leads { name } assists { name } } } }""",
        })
        {
            var reads = await StoreReadsAsync(query);
            // The content version, once: no node, edge or closure.
            Assert.True(reads == 1, $"{reads} store calls for {query}: {api.Counter}");
        }
    }

    [Fact]
    public async Task Gives_every_duty_the_sectors_and_every_body_the_duties_the_stores_own_edges_give()
    {
        await ReadEveryPlaceAsync();
        var store = api.Services.GetRequiredService<IGraphStore>();
        var data = await api.QueryAsync("""{ bodies(jurisdiction: "昆山市", first: 100) { nodes { id duties { id sectors { id } } } } }""");
        var duties = 0;
        foreach (var body in data["bodies"]!["nodes"]!.AsArray())
        {
            var bodyId = (string)body!["id"]!;
            var storedDuties = (await store.GetEdgesAsync([bodyId], EdgeType.HasDuty, Direction.Outgoing)).Select(e => e.ToId).Order(StringComparer.Ordinal);
            var answered = body["duties"]!.AsArray();
            Assert.Equal(storedDuties, answered.Select(d => (string)d!["id"]!).Order(StringComparer.Ordinal));
            foreach (var duty in answered)
            {
                var dutyId = (string)duty!["id"]!;
                var stored = (await store.GetEdgesAsync([dutyId], EdgeType.Covers, Direction.Outgoing)).Select(e => e.ToId).Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(stored, duty["sectors"]!.AsArray().Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal));
                duties++;
            }
        }
        Assert.True(duties > 100, $"only {duties} duties compared");
    }
}
