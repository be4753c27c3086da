using System.Diagnostics;
using System.Globalization;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Cli;

// generate --places N --db PATH [--revision R]
// Loads a synthetic knowledge base of N places into the embedded store, one document per place, and prints a line
// after each committed load (the crash test reads these lines: a printed place must survive a kill).
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int? places = null;
        string? db = null;
        var revision = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--places" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    places = n;
                    break;
                case "--db":
                    db = args[i + 1];
                    break;
                case "--revision" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var r):
                    revision = r;
                    break;
                default:
                    return Usage.Print();
            }
        }

        if (places is null || db is null || args.Length % 2 != 0)
        {
            return Usage.Print();
        }

        var clock = Stopwatch.StartNew();
        using var store = new SqliteGraphStore(db);
        await store.InitializeAsync();
        var knowledgeBase = SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault());
        await store.EnsureTaxonomyAsync(knowledgeBase.Taxonomy);
        var index = 0;
        foreach (var graph in knowledgeBase.Places(places.Value, revision))
        {
            var outcome = await store.LoadDocumentAsync(graph);
            Console.Out.WriteLine($"已加载 (loaded) {index} {graph.Document.Title} {outcome}");
            Console.Out.Flush();
            index++;
        }
        // One full-text segment instead of dozens: searches over the generated places read one list per term.
        await store.CompactSearchIndexAsync();

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"完成 (done): {places} 个地方 (places), 修订 (revision) {revision}, {clock.Elapsed.TotalSeconds:F1} s → {store.DatabasePath}"));
        return 0;
    }
}
