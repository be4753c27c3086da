using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Vocabulary;
using Spectre.Console;

namespace SafetyDuty.Seed.Cli;

/// <summary>ingest [--json] [--db PATH] FILE_OR_FOLDER... — reads every file first (a file that cannot be read stops
/// the command before anything is written), then replaces the sector taxonomy and loads each document into the store
/// that configuration names (environment <c>Store__Kind</c>, <c>Store__Path</c>; <c>--db</c> sets <c>Store:Path</c>).</summary>
internal static class IngestCommand
{
    // A folder's .doc and .wps files are taken too, so that they are refused by name rather than silently passed over.
    private static readonly HashSet<string> FolderExtensions =
        [.. DocumentSource.Extensions.Where(e => e.Length > 0), ".doc", ".wps"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            return Usage.Print();
        }

        var files = Expand(options.Inputs);
        if (files.Count == 0)
        {
            return Fail(options.Json, [new ReadFailure("", 0, 0, "没有可读取的文件 (no input files)")], 2);
        }

        // Everything is read before the store is opened: a bad file leaves the store exactly as it was.
        var reader = new DutyDocumentReader(Vocabularies.LoadDefault());
        var graphs = new List<DocumentGraph>();
        var failures = new List<ReadFailure>();
        foreach (var file in files)
        {
            try
            {
                var read = reader.Read(file);
                if (read.Report.IsEmpty)
                {
                    // A file that yields nothing is not a duty list, or not one the reader understands: storing it would
                    // say the place has no duties.
                    failures.Add(new ReadFailure(file, 0, 0, read.Report.NothingRecognisable));
                    continue;
                }

                graphs.Add(read.Graph);
            }
            catch (DocumentReadException e)
            {
                failures.Add(new ReadFailure(file, e.Line, e.Column, e.Reason));
            }
        }

        if (failures.Count > 0)
        {
            return Fail(options.Json, failures, 1);
        }

        var settings = new Dictionary<string, string?>();
        if (options.Database is not null)
        {
            settings[$"{StoreOptions.Section}:{nameof(StoreOptions.Path)}"] = options.Database;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddGraphStore(configuration).BuildServiceProvider();
        IGraphStore store;
        try
        {
            // Settings are bound and checked here, when the store is first asked for.
            store = services.GetRequiredService<IGraphStore>();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or OptionsValidationException)
        {
            // A configuration mistake (Store:Kind), not a bug: say so in the user's terms.
            var reason = e.InnerException is { } inner && e is InvalidOperationException ? $"{e.Message} {inner.Message}" : e.Message;
            Console.Error.WriteLine($"存储配置有误，未写入任何内容 (store configuration, nothing written): {reason}");
            return 2;
        }

        try
        {
            return await LoadAsync(store, graphs, options.Json);
        }
        catch (GraphStoreException e)
        {
            Console.Error.WriteLine($"写入知识库失败 (store error {e.Code}): {e.Message}");
            return 4;
        }
    }

    // Each document is one atomic load: a store failure midway keeps the documents already loaded whole and leaves
    // the failing one as it was.
    private static async Task<int> LoadAsync(IGraphStore store, List<DocumentGraph> graphs, bool json)
    {
        await store.InitializeAsync();
        await store.EnsureTaxonomyAsync(Vocabularies.LoadDefault().Sectors.Sectors);
        var intoEmptyStore = await store.HoldsNoDocumentAsync();

        var loaded = new List<LoadedDocument>();
        if (json)
        {
            foreach (var graph in graphs)
            {
                loaded.Add(Loaded(graph, await store.LoadDocumentAsync(graph)));
            }

            await CompactAfterBulkLoadAsync(store, loaded, intoEmptyStore);
            Console.Out.WriteLine(JsonSerializer.Serialize(new { documents = loaded }, Json));
            return 0;
        }

        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("载入文件 (loading)", maxValue: graphs.Count);
            foreach (var graph in graphs)
            {
                task.Description = Markup.Escape(graph.Document.SourceFile);
                var document = Loaded(graph, await store.LoadDocumentAsync(graph));
                loaded.Add(document);
                AnsiConsole.MarkupLine(Markup.Escape($"{document.File}  {document.Title}  {Describe(document.Outcome)}"));
                task.Increment(1);
            }
        });
        await CompactAfterBulkLoadAsync(store, loaded, intoEmptyStore);
        AnsiConsole.MarkupLine(Markup.Escape(
            $"完成 (done): 新增 (Inserted) {Count(LoadOutcome.Inserted)}，替换 (Replaced) {Count(LoadOutcome.Replaced)}，未变 (Unchanged) {Count(LoadOutcome.Unchanged)}"));
        return 0;

        int Count(LoadOutcome outcome) => loaded.Count(d => d.Outcome == outcome);
    }

    private static Task CompactAfterBulkLoadAsync(IGraphStore store, List<LoadedDocument> loaded, bool intoEmptyStore) =>
        store.CompactAfterLoadAsync(loaded.Count(d => d.Outcome != LoadOutcome.Unchanged), intoEmptyStore);

    private sealed record Options(string? Database, bool Json, List<string> Inputs);

    private sealed record ReadFailure(string File, int Line, int Column, string Reason);

    private sealed record LoadedDocument(string File, string DocumentId, string Title, string? Number, LoadOutcome Outcome);

    private static Options? Parse(string[] args)
    {
        string? database = null;
        var json = false;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length:
                    database = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    return null;
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        return inputs.Count == 0 ? null : new Options(database, json, inputs);
    }

    private static LoadedDocument Loaded(DocumentGraph graph, LoadOutcome outcome) =>
        new(graph.Document.SourceFile, graph.Document.Id, graph.Document.Title, graph.Document.Number, outcome);

    private static string Describe(LoadOutcome outcome) => outcome switch
    {
        LoadOutcome.Inserted => "新增 (Inserted)",
        LoadOutcome.Replaced => "替换 (Replaced)",
        _ => "未变 (Unchanged)",
    };

    private static int Fail(bool json, List<ReadFailure> failures, int exitCode)
    {
        foreach (var failure in failures)
        {
            var where = failure.Line > 0 ? $"{failure.File}:{failure.Line}:{failure.Column}" : failure.File;
            Console.Error.WriteLine($"无法读取，未写入任何内容 (cannot read, nothing written): {where}: {failure.Reason}");
        }

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { errors = failures }, Json));
        }

        return exitCode;
    }

    private static List<string> Expand(IEnumerable<string> inputs) =>
        inputs.SelectMany(input => Directory.Exists(input)
                ? Directory.EnumerateFiles(input).Where(f => FolderExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[input])
            .ToList();
}
