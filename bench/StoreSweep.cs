using System.Diagnostics;
using System.Globalization;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Benchmarks;

// Loads synthetic knowledge bases of N places into a fresh embedded store and times each read the API makes,
// as p50 and p95 over many calls with varied arguments. Latency percentiles are what the targets speak of, which
// BenchmarkDotNet's means do not give; StoreReadBenchmarks covers the same reads the BenchmarkDotNet way.
public static class StoreSweep
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new[] { 10, 100, 1000 };
        var reads = 400;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--places":
                    sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--reads":
                    reads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("用法 (usage): sweep [--places 10,100,1000] [--reads 400]");
                    return 2;
            }
        }

        var directory = Path.Combine(Path.GetTempPath(), "safetyduty-sweep");
        Directory.CreateDirectory(directory);
        var knowledgeBase = SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault());
        var results = new List<(int Places, string Read, double P50, double P95)>();
        foreach (var places in sizes)
        {
            var path = Path.Combine(directory, $"sweep-{places}.db");
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            using var store = new SqliteGraphStore(path);
            await store.InitializeAsync();
            await store.ReplaceTaxonomyAsync(knowledgeBase.Taxonomy);
            // Only the store's work is timed: the synthetic places are generated between the loads, untimed.
            var clock = new Stopwatch();
            var cpu = TimeSpan.Zero;
            foreach (var graph in knowledgeBase.Places(places))
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Start();
                await store.LoadDocumentAsync(graph);
                clock.Stop();
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }

            var size = new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"N = {places}: load {clock.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, file {size / 1_000_000.0:F0} MB (with WAL)"));
            results.Add((places, "load (s)", clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds));

            foreach (var (name, read) in Reads(knowledgeBase, places))
            {
                var random = new Random(7);
                for (var i = 0; i < 30; i++)
                {
                    await read(store, random);
                }

                var latencies = new double[reads];
                for (var i = 0; i < reads; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await read(store, random);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                Array.Sort(latencies);
                results.Add((places, name, latencies[reads / 2], latencies[(int)(reads * 0.95)]));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| read | " + string.Join(" | ", sizes.Select(n => $"N={n} p50 / p95 (ms)")) + " |");
        Console.WriteLine("|---|" + string.Concat(sizes.Select(_ => "---|")));
        foreach (var read in results.Select(r => r.Read).Distinct())
        {
            var cells = sizes.Select(n => results.Single(r => r.Places == n && r.Read == read))
                .Select(r => read.StartsWith("load", StringComparison.Ordinal)
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.P50:F1}")
                    : string.Create(CultureInfo.InvariantCulture, $"{r.P50:F2} / {r.P95:F2}"));
            Console.WriteLine($"| {read} | {string.Join(" | ", cells)} |");
        }

        return 0;
    }

    // The reads the API makes, each with arguments drawn at random from the loaded places.
    private static IEnumerable<(string Name, Func<IGraphStore, Random, Task> Read)> Reads(SyntheticKnowledgeBase knowledgeBase, int places)
    {
        // The places' ids are recomputed, not read back; a sample of places is enough. Arguments are prepared
        // here so that only the store call is timed.
        var sample = Enumerable.Range(0, Math.Min(places, 50))
            .Select(i => knowledgeBase.Place(i * places / Math.Min(places, 50)))
            .Select(g => new Sample(
                g.Document.JurisdictionId,
                [.. g.Nodes.OfType<Body>().Select(b => b.Id)],
                [.. g.Nodes.OfType<Duty>().Select(d => d.Id)]))
            .ToList();
        Sample Any(Random random) => sample[random.Next(sample.Count)];
        T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] terms = ["燃气", "餐饮", "消防", "学校", "危险", "电梯"];

        yield return ("GetNodes (20 ids)", (store, random) =>
            store.GetNodesAsync(Slice(Any(random).Duties, random, 20)));
        yield return ("FindNodes bodies of a place", (store, random) =>
            store.FindNodesAsync(new NodeQuery(NodeLabel.Body, Any(random).PlaceId)));
        yield return ("FindNodes bodies by agency type", (store, random) =>
            store.FindNodesAsync(new NodeQuery(NodeLabel.Body, AgencyType: Pick(random, ["应急管理", "公安", "商务", "住房和城乡建设"]), Take: 20)));
        yield return ("FindNodes name contains, in a place", (store, random) =>
            store.FindNodesAsync(new NodeQuery(NodeLabel.Body, Any(random).PlaceId, NameContains: "管理")));
        yield return ("GetEdges HAS_DUTY of a body", (store, random) =>
            store.GetEdgesAsync([Pick(random, Any(random).Bodies)], EdgeType.HasDuty, Direction.Outgoing));
        yield return ("GetEdges LEAD+ASSIST of 40 bodies", async (store, random) =>
        {
            var bodies = Any(random).Bodies;
            await store.GetEdgesAsync(bodies, EdgeType.Lead, Direction.Outgoing);
            await store.GetEdgesAsync(bodies, EdgeType.Assist, Direction.Outgoing);
        }
        );
        yield return ("GetEdges COVERS of 50 duties", (store, random) =>
            store.GetEdgesAsync(Slice(Any(random).Duties, random, 50), EdgeType.Covers, Direction.Outgoing));
        yield return ("GetEdges LEAD into a sector (all places)", (store, random) =>
            store.GetEdgesAsync([Pick(random, knowledgeBase.Taxonomy).Id], EdgeType.Lead, Direction.Incoming));
        yield return ("GetEdges LEAD+ASSIST into 10 sectors, in a place", async (store, random) =>
        {
            var sectors = Slice([.. knowledgeBase.Taxonomy.Select(s => s.Id)], random, 10);
            string[] place = [Any(random).PlaceId];
            await store.GetEdgesAsync(sectors, EdgeType.Lead, Direction.Incoming, place);
            await store.GetEdgesAsync(sectors, EdgeType.Assist, Direction.Incoming, place);
        }
        );
        yield return ("Search 2-char term in a place", (store, random) =>
            store.SearchAsync(new TextQuery(Pick(random, terms), NodeLabel.Duty, Any(random).PlaceId, Take: 20)));
        yield return ("Search 2-char term everywhere", (store, random) =>
            store.SearchAsync(new TextQuery(Pick(random, terms), NodeLabel.Duty, Take: 20)));
        yield return ("Sector closure", (store, random) =>
            store.GetSectorClosureAsync(Pick(random, ["燃气", "餐饮", "危险化学品", "道路交通", "消防"])));
    }

    // Up to `count` consecutive ids from a random place in the list.
    private static ArraySegment<string> Slice(string[] ids, Random random, int count)
    {
        count = Math.Min(count, ids.Length);
        return new ArraySegment<string>(ids, random.Next(ids.Length - count + 1), count);
    }

    private sealed record Sample(string PlaceId, string[] Bodies, string[] Duties);
}
