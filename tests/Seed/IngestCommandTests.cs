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
        // A first load into an empty store merges the full-text index into one segment, as the API's own seeding does.
        Assert.Equal(1, SearchIndexSegments(database));

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

    public static TheoryData<string, byte[], string> BadInputs() => new()
    {
        // Plain prose: no body, no leader, no duty.
        { "随笔.txt", "今年春天来得早。\n河边的柳树已经发芽，孩子们在草地上放风筝。\n傍晚的风还有些凉。\n"u8.ToArray(), "未找到可识别的职责内容" },
        // A UTF-8 list behind a UTF-16 byte-order mark: it decodes without error into nonsense.
        { "乱码.txt", [0xFF, 0xFE, .. "第一条　县应急管理局安全生产工作职责：\n（一）负责全县安全生产综合监督管理。\n（二）负责非煤矿山安全监管。\n"u8.ToArray()], "解码" },
        // Legacy Word and WPS files are OLE compound files.
        { "旧清单.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], "另存为" },
        { "旧清单.wps", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], "另存为" },
        { "清单.xyz", "第一条　县应急管理局安全生产工作职责\n"u8.ToArray(), "不支持" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Refuses_a_file_it_cannot_read_names_it_and_leaves_the_knowledge_base_byte_for_byte_unchanged(string name, byte[] bytes, string reason)
    {
        var database = Path.Combine(_directory, "kb.db");
        var loaded = await RunAsync(null, "ingest", "--db", database, SeedCorpus.PathOf(SeedCorpus.Zhangshanzi));
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        var before = Snapshot(database);

        var bad = Path.Combine(_directory, name);
        await File.WriteAllBytesAsync(bad, bytes);
        var result = await RunAsync(null, "ingest", "--db", database, bad);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(name, result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database));
    }

    [Fact]
    public async Task Says_which_lines_it_could_not_read_when_nothing_is_recognisable()
    {
        var database = Path.Combine(_directory, "never.db");
        var prose = Path.Combine(_directory, "散文.txt");
        await File.WriteAllTextAsync(prose, "山那边是海。\n海那边还是山。\n");

        var result = await RunAsync(null, "ingest", "--json", "--db", database, prose);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nothing recognisable", result.Error, StringComparison.Ordinal);
        Assert.Contains("山那边是海", result.Error, StringComparison.Ordinal);
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

    // FTS5 keeps its index as segments, each with its own rows in the index's _idx table.
    private static long SearchIndexSegments(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT segid) FROM node_text_idx;";
        return (long)command.ExecuteScalar()!;
    }

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
