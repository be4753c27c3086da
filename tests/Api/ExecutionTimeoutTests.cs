using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Api;

/// <summary>A request that runs out of time is answered 504, not 400: the client did nothing wrong.</summary>
public sealed class ExecutionTimeoutTests(ExecutionTimeoutTests.Factory api) : IClassFixture<ExecutionTimeoutTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Seed:OnEmpty"] = "false",
            ["Api:ExecutionTimeout"] = "00:00:00.200",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // A store that never answers a search stands in for a hung database (the process boundary).
            builder.ConfigureTestServices(services =>
            {
                var registration = services.Last(d => d.ServiceType == typeof(IGraphStore));
                services.Remove(registration);
                services.AddSingleton<IGraphStore>(provider => new HungSearchStore((IGraphStore)registration.ImplementationFactory!(provider)));
            });
        }
    }

    private sealed class HungSearchStore(IGraphStore inner) : IGraphStore
    {
        public async Task<Page<SearchHit>> SearchAsync(TextQuery query, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return await inner.SearchAsync(query, cancellationToken);
        }

        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
        public Task<LoadOutcome> LoadDocumentAsync(DocumentGraph graph, CancellationToken cancellationToken = default) => inner.LoadDocumentAsync(graph, cancellationToken);
        public Task<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default) => inner.RemoveDocumentAsync(documentId, cancellationToken);
        public Task ReplaceTaxonomyAsync(IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default) => inner.ReplaceTaxonomyAsync(sectors, cancellationToken);
        public Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => inner.GetNodesAsync(ids, cancellationToken);
        public Task<Page<GraphNode>> FindNodesAsync(NodeQuery query, CancellationToken cancellationToken = default) => inner.FindNodesAsync(query, cancellationToken);
        public Task<IReadOnlyList<GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> nodeIds, EdgeType type, Direction direction, IReadOnlyCollection<string>? jurisdictionIds = null, CancellationToken cancellationToken = default) => inner.GetEdgesAsync(nodeIds, type, direction, jurisdictionIds, cancellationToken);
        public Task<IReadOnlyList<Sector>> GetTaxonomyAsync(CancellationToken cancellationToken = default) => inner.GetTaxonomyAsync(cancellationToken);
        public Task<IReadOnlyList<Sector>> GetSectorClosureAsync(string topic, CancellationToken cancellationToken = default) => inner.GetSectorClosureAsync(topic, cancellationToken);
        public Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default) => inner.GetDocumentTextAsync(documentId, cancellationToken);
        public Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default) => inner.GetContentVersionAsync(cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    public async Task Answers_an_execution_that_runs_out_of_time_with_504(string accept)
    {
        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client, """{ duties(search: "燃气") { totalCount } }""", accept: accept);
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
