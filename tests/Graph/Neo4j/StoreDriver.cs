using System.Net;
using System.Text.Json;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>Drives every operation of the Neo4j store, every label and every relationship type, through a fake
/// Query API, so that the statements it sends can be inspected and linted.</summary>
public static class StoreDriver
{
    public static Neo4jGraphStore Store(FakeQueryApi api) =>
        new(
            new Neo4jQueryApiClient(new HttpClient(api), new Neo4jOptions { RetryDelay = TimeSpan.Zero }),
            new Neo4jOptions());

    /// <summary>Answers like a database holding an older version of every document, so that loads take the
    /// replacement path and removals find something to remove.</summary>
    public static FakeResponse HoldsAnOlderVersion(RecordedRequest request)
    {
        if (request.Statement == Neo4jCypher.DocumentFingerprint)
        {
            return FakeQueryApi.Rows("""{"fields":["graphHash"],"values":[["an-older-version"]]}""", inTransaction: true);
        }

        if (request.Statement == Neo4jCypher.ReleaseDocumentNodes)
        {
            // One node only the document contributed, one another document still contributes.
            var survivor = JsonSerializer.Serialize<GraphNode>(new Body("b_shared", "市应急管理局", BodyKind.Department, "应急管理", "j_1", ["市应急局"], null, null));
            var values = new object?[][] { ["d_only", null], ["b_shared", survivor] };
            return FakeQueryApi.Rows(JsonSerializer.Serialize(new { fields = new[] { "id", "json" }, values }), inTransaction: true);
        }

        return FakeQueryApi.EmptyDatabase(request);
    }

    public static async Task DriveEveryOperationAsync(FakeQueryApi api, string hostile = "")
    {
        api.Default = HoldsAnOlderVersion;
        var store = Store(api);
        var graph = SampleDocument.Build(place: "昆山市" + hostile, bodyName: "市商务局" + hostile, dutyText: "督促餐饮企业" + hostile);
        await store.InitializeAsync();
        await store.ReplaceTaxonomyAsync(SampleDocument.Taxonomy("燃气" + hostile));
        await store.LoadDocumentAsync(graph);
        await store.RemoveDocumentAsync(graph.Document.Id + hostile);
        await store.GetNodesAsync([graph.Document.Id, "b_" + hostile]);
        foreach (var label in Enum.GetValues<NodeLabel>())
        {
            await store.FindNodesAsync(new NodeQuery(label, "j_" + hostile, "应急管理" + hostile, "局" + hostile, 10, 20));
        }

        foreach (var type in Enum.GetValues<EdgeType>())
        {
            await store.GetEdgesAsync(["b_" + hostile], type, Direction.Outgoing);
            await store.GetEdgesAsync(["b_" + hostile], type, Direction.Incoming);
        }

        await store.SearchAsync(new TextQuery("燃气 餐饮" + hostile, NodeLabel.Duty, "j_" + hostile, 0, 10));
        await store.SearchAsync(new TextQuery("载 " + hostile, NodeLabel.Duty, "j_" + hostile, 0, 10));
        await store.GetTaxonomyAsync();
        await store.GetSectorClosureAsync("燃气" + hostile);
        await store.GetDocumentTextAsync(graph.Document.Id + hostile);
        await store.GetContentVersionAsync();
        await store.IsReachableAsync();
    }

    /// <summary>Every statement the catalogue can produce for the operations above.</summary>
    public static IReadOnlySet<string> ExpectedStatements()
    {
        var all = new HashSet<string>(Neo4jCypher.Schema(), StringComparer.Ordinal)
        {
            Neo4jCypher.DocumentFingerprint,
            Neo4jCypher.ReleaseDocumentNodes,
            Neo4jCypher.DeleteNodes,
            Neo4jCypher.RestoreNodes,
            Neo4jCypher.SearchBySubstring,
            Neo4jCypher.DropSectorsOutsideTaxonomy,
            Neo4jCypher.UpsertTaxonomy,
            Neo4jCypher.NodesById,
            Neo4jCypher.Search,
            Neo4jCypher.Taxonomy,
            Neo4jCypher.SectorClosure,
            Neo4jCypher.DocumentText,
            Neo4jCypher.Ping,
            Neo4jCypher.BumpContentVersion,
            Neo4jCypher.ContentVersion,
        };
        foreach (var label in Enum.GetValues<NodeLabel>())
        {
            all.Add(Neo4jCypher.FindNodes(label));
        }

        // Documents never contribute sectors (DocumentContribution refuses them); the taxonomy writes those.
        foreach (var label in Enum.GetValues<NodeLabel>().Where(l => l != NodeLabel.Sector))
        {
            all.Add(Neo4jCypher.UpsertDocumentNodes(label));
        }

        foreach (var type in Enum.GetValues<EdgeType>())
        {
            all.Add(Neo4jCypher.Edges(type, Direction.Outgoing));
            all.Add(Neo4jCypher.Edges(type, Direction.Incoming));
        }

        foreach (var type in Neo4jCypher.DocumentEdgeTypes)
        {
            all.Add(Neo4jCypher.DeleteDocumentEdges(type));
            all.Add(Neo4jCypher.UpsertDocumentEdges(type));
        }

        foreach (var type in Neo4jCypher.StructuralEdgeTypes)
        {
            all.Add(Neo4jCypher.UnlinkHeld(type));
            all.Add(Neo4jCypher.LinkFromHolders(type));
            all.Add(Neo4jCypher.LinkToTargets(type));
        }

        return all;
    }

    public static FakeResponse Unauthorized(RecordedRequest request) =>
        FakeQueryApi.Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");
}
