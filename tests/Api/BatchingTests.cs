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

    [Fact]
    public async Task Reads_the_evidence_documents_of_every_responsibility_in_one_batch()
    {
        var reads = await StoreReadsAsync("""
            { responsibilities(topics: ["燃气", "餐饮"]) { body { name jurisdiction { name } } evidence { locator document { title } owner { ... on Body { name } } } } }
            """);
        // content version (before and after computing the answer, to cache it), closure ×2, COVERS, LEAD, ASSIST,
        // duties, bodies, jurisdictions; then one batch for documents and owners.
        Assert.True(reads <= 12, $"{reads} store calls");
    }
}
