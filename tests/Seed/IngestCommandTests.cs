using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Seed.Synthetic;

namespace SafetyDuty.Tests.Seed;

/// <summary>The seed tool's ingest command, run as a process: the command line is the contract.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));

    public IngestCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Ingests_the_five_seeds_then_finds_them_unchanged_on_a_second_run()
    {
        var database = Path.Combine(_directory, "seeds.db");
        var folder = Path.GetDirectoryName(SeedCorpus.PathOf(SeedCorpus.Kunshan))!;

        var first = await RunAsync(null, "ingest", "--json", "--db", database, folder);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(Enumerable.Repeat("Inserted", 5), Outcomes(first.Output));

        var second = await RunAsync(null, "ingest", "--json", "--db", database, folder);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(Enumerable.Repeat("Unchanged", 5), Outcomes(second.Output));

        using var store = new SqliteGraphStore(database);
        var kunshan = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;
        Assert.Single(await store.GetNodesAsync([kunshan.Document.Id]));
        Assert.NotEmpty(await store.GetTaxonomyAsync());
    }

    [Fact]
    public async Task Prints_each_documents_outcome_with_a_progress_display()
    {
        var database = Path.Combine(_directory, "one.db");
        var result = await RunAsync(null, "ingest", "--db", database, SeedCorpus.PathOf(SeedCorpus.Zhangshanzi));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"{SeedCorpus.Zhangshanzi}", result.Output, StringComparison.Ordinal);
        Assert.Contains("Inserted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_bad_file_among_good_ones_names_it_and_writes_nothing()
    {
        var database = Path.Combine(_directory, "kept.db");
        var loaded = await RunAsync(null, "ingest", "--db", database, SeedCorpus.PathOf(SeedCorpus.Kunshan));
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        var before = Snapshot(database);

        var bad = Path.Combine(_directory, "坏文件.docx");
        await File.WriteAllBytesAsync(bad, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]);
        var result = await RunAsync(null, "ingest", "--db", database, SeedCorpus.PathOf(SeedCorpus.Luoyang), bad, SeedCorpus.PathOf(SeedCorpus.Korla));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("坏文件.docx", result.Error, StringComparison.Ordinal);
        Assert.Contains("未写入", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database));
        using var store = new SqliteGraphStore(database);
        Assert.Empty(await store.GetNodesAsync([SeedCorpus.Read(SeedCorpus.Luoyang).Graph.Document.Id]));
    }

    [Fact]
    public async Task Gives_the_file_position_and_reason_of_an_undecodable_text_file()
    {
        var database = Path.Combine(_directory, "never.db");
        var bad = Path.Combine(_directory, "binary.txt");
        await File.WriteAllBytesAsync(bad, [.. "第一条 市应急管理局负责\n"u8.ToArray(), 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x07]);

        var result = await RunAsync(null, "ingest", "--json", "--db", database, SeedCorpus.PathOf(SeedCorpus.Kunshan), bad);

        Assert.NotEqual(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("binary.txt", error.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(error.GetProperty("reason").GetString()!);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Takes_the_store_from_the_environment_when_no_db_is_given()
    {
        var database = Path.Combine(_directory, "from-environment.db");
        var result = await RunAsync(new() { ["Store__Kind"] = "sqlite", ["Store__Path"] = database }, "ingest", "--json", SeedCorpus.PathOf(SeedCorpus.Weidu));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(database));

        var unknown = await RunAsync(new() { ["Store__Kind"] = "cassandra" }, "ingest", "--db", database, SeedCorpus.PathOf(SeedCorpus.Weidu));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("cassandra", unknown.Error, StringComparison.Ordinal);
    }

    private static List<string> Outcomes(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()!).ToList();
    }

    // The database file and its WAL: any write changes one of them.
    private static string Snapshot(string database) => string.Join(",",
        new[] { database, database + "-wal" }.Where(File.Exists)
            .Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));

    private sealed record ToolResult(int ExitCode, string Output, string Error);

    private static async Task<ToolResult> RunAsync(Dictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SeedTool());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not inherit a store choice from the machine running the tests.
        start.Environment.Remove("Store__Kind");
        start.Environment.Remove("Store__Path");
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = child.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = child.StandardError.ReadToEndAsync(timeout.Token);
        await child.WaitForExitAsync(timeout.Token);
        return new ToolResult(child.ExitCode, await output, await error);
    }

    private static string SeedTool()
    {
        var path = typeof(SyntheticKnowledgeBase).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), string.Create(CultureInfo.InvariantCulture, $"no runtimeconfig beside {path}"));
        return path;
    }
}
