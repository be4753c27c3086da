using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Synthetic;
using SafetyDuty.Seed.Vocabulary;
using Xunit.Abstractions;

namespace SafetyDuty.Tests.Graph;

// Kills the seed tool's `generate` with SIGKILL in the middle of loading, again and again, and checks after every
// kill that the file is sound and every document in it whole: one revision exactly, never a mix, never a half.
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Places = 4;
    private const int Kills = 20;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));
    private readonly SyntheticKnowledgeBase _knowledgeBase = SyntheticKnowledgeBase.FromSeeds(Vocabularies.LoadDefault());

    [Fact]
    public async Task A_load_killed_at_a_random_moment_leaves_every_document_whole_or_absent()
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "crash.db");
        var random = new Random(20261123);
        var killedMidway = 0;

        for (var revision = 0; revision < Kills; revision++)
        {
            // Wait until the child has committed a random number of places, then let a random moment pass:
            // the kill lands inside a later document's transaction most of the time.
            var committedBeforeKill = random.Next(Places);
            var printed = await RunAndKillAsync(database, revision, committedBeforeKill, TimeSpan.FromMilliseconds(random.Next(60)));
            killedMidway += printed < Places ? 1 : 0;

            using var store = new SqliteGraphStore(database);
            await store.InitializeAsync();
            AssertFileIsSound(database);
            for (var place = 0; place < Places; place++)
            {
                var found = await StoredRevisionAsync(store, place, revision);
                if (place < printed)
                {
                    // The child said it committed this place: it must have survived the kill.
                    Assert.Equal(revision, found);
                }
            }
        }

        output.WriteLine($"{Kills} kills, {killedMidway} before the child finished");
        Assert.True(killedMidway >= Kills / 2, $"only {killedMidway} of {Kills} kills landed before the load finished");
    }

    // Starts `generate` and kills it once it has printed `committed` lines and `delay` has passed. Returns how many
    // places it printed as committed.
    private static async Task<int> RunAndKillAsync(string database, int revision, int committed, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { SeedTool(), "generate", "--places", Places.ToString(CultureInfo.InvariantCulture), "--db", database, "--revision", revision.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var printed = 0;
        while (printed < committed && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed += line.StartsWith("已加载", StringComparison.Ordinal) ? 1 : 0;
        }

        // Randomises where in the next load the kill falls; nothing waits on it.
        await Task.Delay(delay, timeout.Token);
        child.Kill(entireProcessTree: true);
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed += line.StartsWith("已加载", StringComparison.Ordinal) ? 1 : 0;
        }

        await child.WaitForExitAsync(timeout.Token);
        return printed;
    }

    // The seed tool is built beside the tests (the tests project references it).
    private static string SeedTool()
    {
        var path = typeof(SyntheticKnowledgeBase).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"no runtimeconfig beside {path}");
        return path;
    }

    private static void AssertFileIsSound(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "INSERT INTO node_text (node_text) VALUES ('integrity-check');";
        command.ExecuteNonQuery();
    }

    // Which revision of a place the store holds (-1 when none), after checking that it holds all of that revision
    // and nothing of another.
    private async Task<int> StoredRevisionAsync(SqliteGraphStore store, int place, int latestRevision)
    {
        var first = _knowledgeBase.Place(place, 0);
        var stored = (await store.GetNodesAsync([first.Document.Id])).OfType<Document>().SingleOrDefault();
        var placeId = first.Document.JurisdictionId;
        if (stored is null)
        {
            Assert.Empty(await store.GetNodesAsync([placeId]));
            Assert.Equal(0, (await store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, placeId))).TotalCount);
            Assert.Equal(0, (await store.FindNodesAsync(new NodeQuery(NodeLabel.Body, placeId))).TotalCount);
            Assert.Null(await store.GetDocumentTextAsync(first.Document.Id));
            return -1;
        }

        var revision = Enumerable.Range(0, latestRevision + 1)
            .Single(r => _knowledgeBase.Place(place, r).Document.ContentHash == stored.ContentHash);
        var expected = _knowledgeBase.Place(place, revision);

        var expectedIds = expected.Nodes.Select(n => n.Id).Distinct().ToList();
        Assert.Equal(expectedIds.Count, (await store.GetNodesAsync(expectedIds)).Count);
        var expectedDuties = expected.Nodes.OfType<Duty>().DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        var duties = await store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, placeId, Take: 10_000));
        Assert.Equal(expectedDuties.Count, duties.TotalCount);
        Assert.All(duties.Items.Cast<Duty>(), d => Assert.Equal(expectedDuties[d.Id].Text, d.Text));
        Assert.Equal(
            expected.Nodes.OfType<Body>().Select(b => b.Id).Distinct().Order(),
            (await store.FindNodesAsync(new NodeQuery(NodeLabel.Body, placeId, Take: 10_000))).Items.Select(b => b.Id).Order());

        // Edges start at the place's bodies, duties and leaders, and at the document itself (the laws it cites
        // outside any duty); the document is the graph's own, not one of its Nodes.
        var owners = expected.Nodes.Where(n => n is Body or Duty or Leader).Select(n => n.Id).Append(expected.Document.Id).Distinct().ToList();
        foreach (var type in new[] { EdgeType.Lead, EdgeType.Assist, EdgeType.Cite, EdgeType.Covers, EdgeType.Mentions, EdgeType.MemberOf })
        {
            Assert.Equal(
                expected.Edges.Where(e => e.Type == type).Select(e => e.Id).Distinct().Order(),
                (await store.GetEdgesAsync(owners, type, Direction.Outgoing)).Select(e => e.Id).Order());
        }

        Assert.Equal(expected.Text, await store.GetDocumentTextAsync(expected.Document.Id));
        return revision;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
