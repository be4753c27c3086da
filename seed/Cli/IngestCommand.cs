using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Vocabulary;
using Spectre.Console;

namespace SafetyDuty.Seed.Cli;

/// <summary>ingest --db PATH FILE_OR_FOLDER... — reads every file first (a file that cannot be read stops the
/// command before anything is written), then loads each document into the store.</summary>
internal static class IngestCommand
{
    private static readonly string[] Extensions = [".txt", ".docx", ".pdf", ".md"];

    public static async Task<int> RunAsync(string[] args)
    {
        var dbIndex = Array.IndexOf(args, "--db");
        if (dbIndex < 0 || dbIndex + 1 >= args.Length)
        {
            return Usage.Print();
        }

        var database = args[dbIndex + 1];
        var inputs = args.Where((_, i) => i != dbIndex && i != dbIndex + 1).ToList();
        var files = Expand(inputs);
        if (files.Count == 0)
        {
            Console.Error.WriteLine("没有可读取的文件 (no input files)");
            return 2;
        }

        var vocabularies = Vocabularies.LoadDefault();
        var reader = new DutyDocumentReader(vocabularies);
        var graphs = new List<DocumentGraph>();
        foreach (var file in files)
        {
            try
            {
                graphs.Add(reader.Read(file).Graph);
            }
            catch (DocumentReadException e)
            {
                Console.Error.WriteLine($"无法读取，未写入任何内容 (cannot read, nothing written): {e.Message}");
                return 1;
            }
        }

        var store = StoreFactory.Open(database);
        if (store is null)
        {
            Console.Error.WriteLine("图存储尚未接入 (graph store not wired yet)");
            return 3;
        }

        await store.InitializeAsync();
        await store.ReplaceTaxonomyAsync(vocabularies.Sectors.Sectors);
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("载入文件 (loading)", maxValue: graphs.Count);
            foreach (var graph in graphs)
            {
                task.Description = Markup.Escape(graph.Document.SourceFile);
                var outcome = await store.LoadDocumentAsync(graph);
                AnsiConsole.MarkupLine($"{Markup.Escape(graph.Document.SourceFile)}: {outcome}");
                task.Increment(1);
            }
        });
        return 0;
    }

    private static List<string> Expand(IEnumerable<string> inputs) =>
        inputs.SelectMany(input => Directory.Exists(input)
                ? Directory.EnumerateFiles(input).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[input])
            .ToList();

    // The SQLite store lands from another branch; until then ingest reads and validates but has no store to write to.
    private static class StoreFactory
    {
        public static IGraphStore? Open(string database) => database.Length == 0 ? null : null;
    }
}
