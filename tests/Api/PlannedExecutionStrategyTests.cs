using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Api.Http;
using SafetyDuty.Api.Schema;

namespace SafetyDuty.Tests.Api;

/// <summary>The execution whose objects' fields are collected once per selection set answers every question exactly as
/// GraphQL.NET's serial execution does, on the seeds: the page's own queries, fragments, unions, fields merged under
/// one name, and directives whose variables change from one request to the next on the same parsed document. Every
/// answer is also written by <see cref="AnswerJsonConverter"/> byte for byte as GraphQL.SystemTextJson's own
/// converter writes it, errors and all.</summary>
public sealed class PlannedExecutionStrategyTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private async Task<string> ExecuteAsync(IExecutionStrategy strategy, GraphQLDocument document, string query, Dictionary<string, object?> variables)
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        var executer = new DocumentExecuter(
            api.Services.GetRequiredService<IDocumentBuilder>(),
            new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]),
            []);
        await using var scope = api.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<GraphBatchLoader>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Document = document,
            Variables = new Inputs(variables),
            RequestServices = scope.ServiceProvider,
            UserContext = new GraphQLUserContext(hasValidApiKey: true, keysConfigured: false,
                async () => (await loader.SnapshotAsync(CancellationToken.None)).Version),
        });
        var written = api.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        Assert.Equal(FrameworkSerializer.Serialize(result), written);
        return written;
    }

    // GraphQL.SystemTextJson with its own converter for answers, and the service's other settings.
    private static readonly GraphQL.SystemTextJson.GraphQLSerializer FrameworkSerializer = new(
        json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        new SuggestingErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false }));

    // The same parsed document through both executions, each variables' set in turn, the planned one kept across them
    // (as the service keeps it), so that a plan made for one request is used by the next.
    private async Task AnswersAsTheFrameworkAsync(string query, params Dictionary<string, object?>[] requests)
    {
        var document = api.Services.GetRequiredService<IDocumentBuilder>().Build(query);
        var planned = new PlannedExecutionStrategy();
        foreach (var variables in requests)
        {
            var expected = await ExecuteAsync(new SerialExecutionStrategy(), document, query, variables);
            var first = await ExecuteAsync(planned, document, query, variables);
            var again = await ExecuteAsync(planned, document, query, variables);
            Assert.Equal(expected, first);
            Assert.Equal(expected, again);
            Assert.DoesNotContain("\"errors\"", expected, StringComparison.Ordinal);
            Assert.True(expected.Length > 40, $"an answer with something in it: {expected}");
        }
    }

    private async Task<string> IdAsync(string query, Func<System.Text.Json.Nodes.JsonNode, System.Text.Json.Nodes.JsonNode?> pick) =>
        pick(await api.QueryAsync(query))!.GetValue<string>();

    [Theory]
    [MemberData(nameof(KnownDocumentValidatorTests.PageQueries), MemberType = typeof(KnownDocumentValidatorTests))]
    public async Task Answers_each_page_query_as_the_framework_does(string name, string query)
    {
        var bodyId = await IdAsync("{ bodies(jurisdiction: \"昆山市\", agencyType: \"应急管理\", first: 1) { nodes { id } } }", d => d["bodies"]!["nodes"]![0]!["id"]);
        var dutyId = await IdAsync("{ duties(search: \"燃气\", jurisdiction: \"昆山市\", first: 1) { nodes { id } } }", d => d["duties"]!["nodes"]![0]!["id"]);
        var document = api.Services.GetRequiredService<IDocumentBuilder>().Build(query);
        var variables = new Dictionary<string, object?>();
        foreach (var variable in DocumentCache.SelectedOperation(document, null)!.Variables?.Items ?? [])
        {
            var variableName = variable.Variable.Name.StringValue;
            variables[variableName] = variableName switch
            {
                "jurisdiction" or "place" => "昆山市",
                "jurisdictions" or "places" => new List<object?> { "昆山市", "洛阳市" },
                "topics" => new List<object?> { "燃气", "餐饮" },
                "search" or "sector" => "燃气",
                "text" => "饭店用液化气谁管",
                "id" => name.Contains("Duty", StringComparison.Ordinal) ? dutyId : bodyId,
                "first" => 5,
                "offset" => 0,
                _ => throw new InvalidOperationException($"{name}: no value for ${variableName}"),
            };
        }
        await AnswersAsTheFrameworkAsync(query, variables);
    }

    [Fact]
    public async Task Answers_fragments_unions_and_merged_fields_as_the_framework_does()
    {
        const string query = """
            query Q($topics: [String!]!) {
              responsibilities(topics: $topics, jurisdiction: "昆山市", first: 8) {
                body { ...Named id duties(first: 2) { id } }
                body { agencyType name duties(first: 2) { text } }
                role
                evidence { id owner { __typename ... on Body { id name } ... on Leader { id title } ...Named } }
                evidence { text }
              }
              gaps(jurisdiction: "昆山市") { sector { ... on Sector { name } id } lead { ...Named } }
            }
            fragment Named on Body { name jurisdiction { name } }
            """;
        await AnswersAsTheFrameworkAsync(query, new Dictionary<string, object?> { ["topics"] = new List<object?> { "燃气", "餐饮" } });
    }

    [Fact]
    public async Task Writes_errors_and_their_suggestions_as_the_framework_does()
    {
        const string query = """
            query Q($place: String!) {
              sectors { id name }
              jurisdiction(name: $place) { name }
              gaps(jurisdiction: $place) { sector { name } }
            }
            """;
        var document = api.Services.GetRequiredService<IDocumentBuilder>().Build(query);
        var written = await ExecuteAsync(new PlannedExecutionStrategy(), document, query, new Dictionary<string, object?> { ["place"] = "昆山" });
        Assert.Contains("\"errors\"", written, StringComparison.Ordinal);
        Assert.Contains("\"extensions\"", written, StringComparison.Ordinal);
        Assert.Contains("\"data\":null", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_directives_by_each_request_own_variables()
    {
        const string query = """
            query Q($withText: Boolean!, $skipName: Boolean!) {
              duties(search: "燃气", jurisdiction: "昆山市", first: 5) {
                nodes { id text @include(if: $withText) }
                edges { node { id ...Owner @skip(if: $skipName) } }
              }
            }
            fragment Owner on Duty { owner { ... on Body { name } } }
            """;
        await AnswersAsTheFrameworkAsync(query,
            new Dictionary<string, object?> { ["withText"] = true, ["skipName"] = false },
            new Dictionary<string, object?> { ["withText"] = false, ["skipName"] = true },
            new Dictionary<string, object?> { ["withText"] = true, ["skipName"] = true });
    }
}
