using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Neo4j;
using Xunit.Abstractions;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>Every Cypher statement the Neo4j store can send, collected by driving each store operation through the
/// fake Query API, is checked by Neo4j's own parser and semantic analysis (npm @neo4j-cypher/language-support,
/// run by node from tests/Graph/Neo4j/cypher-lint).</summary>
public sealed class CypherLintTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Directory.CreateTempSubdirectory("safetyduty-cypher-lint-").FullName;

    public CypherLintTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Driving_every_store_operation_sends_every_statement_of_the_catalogue()
    {
        var sent = await CollectAsync();

        var missing = StoreDriver.ExpectedStatements().Except(sent.Keys).ToList();
        Assert.Empty(missing);
        Assert.Empty(sent.Keys.Except(StoreDriver.ExpectedStatements()));
    }

    [Fact]
    public async Task Every_statement_the_store_sends_passes_neo4js_parser_and_semantic_analysis()
    {
        var sent = await CollectAsync();
        var input = new JsonObject
        {
            ["labels"] = new JsonArray([.. Enum.GetValues<NodeLabel>().Select(l => (JsonNode?)Neo4jCypher.Label(l)), Neo4jCypher.EntityLabel]),
            ["relationshipTypes"] = new JsonArray([.. Enum.GetValues<EdgeType>().Select(t => (JsonNode?)Neo4jCypher.Type(t))]),
            ["statements"] = new JsonArray([.. sent.Select(s => (JsonNode?)new JsonObject
            {
                ["statement"] = s.Key,
                ["parameters"] = s.Value.ValueKind == JsonValueKind.Object ? JsonNode.Parse(s.Value.GetRawText()) : new JsonObject(),
            })]),
        };
        var result = await LintAsync(input);

        _output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"Cypher lint found errors:\n{result.Output}");
        var summary = JsonDocument.Parse(result.Output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(sent.Count, summary.GetProperty("statements").GetInt32());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task The_lint_rejects_an_undefined_variable_a_missing_parameter_and_a_misspelt_procedure()
    {
        var input = JsonNode.Parse("""
            {"labels": ["Entity"], "relationshipTypes": ["LEAD"], "statements": [
              {"statement": "MATCH (n:Entity {id: $id}) RETURN m", "parameters": {"id": "b_1"}},
              {"statement": "MATCH (n:Entity {id: $missing}) RETURN n.json AS json", "parameters": {}},
              {"statement": "CALL db.index.fulltext.queryNode('entity_text', $query) YIELD node RETURN node", "parameters": {"query": "燃气"}}
            ]}
            """)!.AsObject();

        var result = await LintAsync(input);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Variable `m` not defined", result.Output, StringComparison.Ordinal);
        Assert.Contains("Parameter $missing is not defined", result.Output, StringComparison.Ordinal);
        Assert.Contains("db.index.fulltext.queryNode is not present", result.Output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> LintAsync(JsonObject input)
    {
        var file = Path.Combine(_directory, "statements.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        var lint = LintDirectory();
        if (!Directory.Exists(Path.Combine(lint, "node_modules", "@neo4j-cypher", "language-support")))
        {
            var install = await RunAsync("npm", lint, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, $"npm ci 失败 (failed):\n{install.Output}");
        }

        return await RunAsync("node", lint, TimeSpan.FromMinutes(4), "lint.mjs", file);
    }

    /// <summary>The distinct statements sent, each with the parameters of its first sending.</summary>
    private static async Task<Dictionary<string, JsonElement>> CollectAsync()
    {
        using var api = new FakeQueryApi();
        await StoreDriver.DriveEveryOperationAsync(api);
        var sent = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var request in api.Requests.Where(r => r.Statement is not null))
        {
            sent.TryAdd(request.Statement!, request.Parameters);
        }

        return sent;
    }

    private static string LintDirectory() => RepositoryPath.Of(Path.Combine("tests", "Graph", "Neo4j", "cypher-lint"), "package.json");

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Not a skip: the lint is part of the suite, so a machine without node fails it visibly.
            Assert.Fail($"{program} 未安装 (not installed; Node 20+ is needed for the Cypher lint): {e.Message}");
            throw;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(limit))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', arguments)} ran longer than {limit}.");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
