using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SafetyDuty.Benchmarks.Load;

/// <summary>A small closed-loop load client: N workers post GraphQL questions back to back for a fixed time, each
/// phase against the same server in the same run, so that throughputs can be compared with <c>{ __typename }</c>:
/// distinct questions about one place (every kind the page asks), distinct questions about every place, and the
/// repeated question (the same responsibilities question over and over, everywhere and in one place). Each of these
/// phases is measured in turns with <c>{ __typename }</c> (a slice of one, then a slice of the other), and its ratio is
/// to those turns: on a shared machine <c>{ __typename }</c> alone varied by half from one run to the next.
/// Usage: load --url http://127.0.0.1:5000/graphql [--seconds 10] [--warmup 3] [--turns 4] [--concurrency 16] [--seed 1] [--questions 100000] [--phases distinct,repeated] [--kinds gaps,bodies] [--pages api/wwwroot/js/pages]
/// (distinct questions are measured against a server started with its answer cache off, Answers__Cache=false).</summary>
public static class GraphQLLoadTest
{
    private const string Typename = "{ __typename }";
    private const string Repeated = "{ responsibilities(topics:[\"燃气\",\"餐饮\"]) { body { name } role evidence { locator } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5000/graphql";
        var seconds = int.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency") ?? "16", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var duration = TimeSpan.FromSeconds(seconds);
        // How long each phase runs before it is measured: long enough for the runtime's tiered compilation to reach
        // its final code on two busy cores, as on a server that has been up for a while.
        var warmup = TimeSpan.FromSeconds(int.Parse(Option(args, "--warmup") ?? "3", CultureInfo.InvariantCulture));
        // Each phase after the first is measured in this many turns with { __typename } (its ratio is to those turns);
        // with 0, alone (its ratio is to the first phase's), for instance to profile the server while it runs.
        var turns = int.Parse(Option(args, "--turns") ?? "4", CultureInfo.InvariantCulture);
        // The page's scripts, whose query documents the questions are (run from the repository's root by default).
        var pages = Option(args, "--pages") ?? Path.Combine("api", "wwwroot", "js", "pages");
        // How many questions each distinct phase composes before it starts (warm-up included); a phase that sends more
        // starts the same questions again, and the report says how many were sent again.
        var count = int.Parse(Option(args, "--questions") ?? "100000", CultureInfo.InvariantCulture);
        var questions = await Questions.ReadAsync(client, pages, seed);
        if (Option(args, "--kinds") is { } kinds && !questions.Only(kinds.Split(',')))
        {
            Console.Error.WriteLine($"--kinds {kinds}: no question kind has such a name");
            return 2;
        }
        var firstPlace = await FirstPlaceAsync(client);
        var phasesAsked = Option(args, "--phases") ?? "distinct,repeated";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{questions.Places} places; {seconds} s a phase at concurrency {concurrency}; load average {LoadAverage()}"));

        var typenameStream = Fixed("{ __typename }", Typename);
        var typename = await MeasureAsync(client, warmup, typenameStream, duration, concurrency);
        var phases = new List<(string, Result)> { ("{ __typename }", typename) };
        Task<Result> InTurnsAsync(Question[] stream) => turns > 0
            ? MeasureAsync(client, warmup, stream, duration, concurrency, typenameStream, turns)
            : MeasureAsync(client, warmup, stream, duration, concurrency);
        if (phasesAsked.Contains("distinct", StringComparison.Ordinal))
        {
            if (questions.AsksInOnePlace)
            {
                phases.Add(("distinct, one place", await InTurnsAsync(questions.InOnePlace(count))));
            }
            if (questions.AsksEverywhere)
            {
                phases.Add(("distinct, everywhere", await InTurnsAsync(questions.Everywhere(count))));
            }
        }
        if (phasesAsked.Contains("repeated", StringComparison.Ordinal))
        {
            phases.Add(("repeated, everywhere", await InTurnsAsync(Fixed("repeated, everywhere", Repeated))));
            var inPlace = Repeated.Replace("\"餐饮\"]", $"\"餐饮\"], jurisdiction:\"{firstPlace}\"", StringComparison.Ordinal);
            phases.Add(("repeated, in a place", await InTurnsAsync(Fixed("repeated, in a place", inPlace))));
        }

        Console.WriteLine();
        foreach (var (name, result) in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-26} {result.Throughput,8:F0} req/s  ratio {result.Throughput / (result.Alongside ?? typename.Throughput),5:F2}  p50 {result.Overall.P50,7:F2}  p95 {result.Overall.P95,7:F2}  p99 {result.Overall.P99,7:F2} ms  {result.Overall.Count} requests, {result.Errors} errors, largest answer {result.Overall.MaxBytes / 1024.0:F1} KB{(result.Alongside is { } alongside ? $"; {{ __typename }} in turn with it {alongside:F0} req/s" : "")}"));
        }
        foreach (var (name, result) in phases.Where(p => p.Item1.StartsWith("distinct", StringComparison.Ordinal)))
        {
            Console.WriteLine();
            Console.WriteLine($"{name}, by kind:");
            foreach (var (kind, stats) in result.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind,-32} p50 {stats.P50,7:F2}  p95 {stats.P95,7:F2}  p99 {stats.P99,7:F2} ms  {stats.Count,6} requests, largest answer {stats.MaxBytes / 1024.0:F1} KB"));
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"questions asked again because their kind had used up its distinct ones: {phases.Sum(p => p.Item2.Again)}; sent again after all {count} of a phase: {phases.Sum(p => p.Item2.SentAgain)}; load average {LoadAverage()}"));
        foreach (var error in phases.SelectMany(p => p.Item2.FirstErrors).Take(5))
        {
            Console.WriteLine($"error: {error}");
        }
        return phases.Sum(p => p.Item2.Errors) == 0 ? 0 : 1;
    }

    private sealed record Stats(int Count, double P50, double P95, double P99, int MaxBytes);

    /// <param name="Alongside">The throughput of <c>{ __typename }</c> measured in turn with the phase, slice by slice.</param>
    /// <param name="Again">How many of the measured questions had been asked before because their kind had used up
    /// its distinct questions.</param>
    /// <param name="SentAgain">How many questions were sent again after the phase had sent every one of its stream.</param>
    private sealed record Result(double Throughput, Stats Overall, IReadOnlyDictionary<string, Stats> ByKind, int Errors, IReadOnlyList<string> FirstErrors, int Again, long SentAgain, double? Alongside = null);

    private sealed record Sample(string Kind, double Milliseconds, int Bytes, bool Again);


    private static Question[] Fixed(string kind, string query) => [new Question(kind, JsonSerializer.Serialize(new { query }))];

    private static async Task<string> FirstPlaceAsync(HttpClient client)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query = "{ jurisdictions { name } }" }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync((Uri?)null, content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var places = json.RootElement.GetProperty("data").GetProperty("jurisdictions");
        return places[0].GetProperty("name").GetString()!;
    }

    // With an alternate stream ({ __typename }), the measured time is cut into slices taken in turn, the alternate's
    // then the phase's, so that both see the same state of a shared machine and their ratio does not follow its swings.
    private static async Task<Result> MeasureAsync(
        HttpClient client,
        TimeSpan warmup,
        Question[] stream,
        TimeSpan duration,
        int concurrency,
        Question[]? alternate = null,
        int turns = 1)
    {
        var phase = new InTurn(stream);
        var other = alternate is null ? null : new InTurn(alternate);
        // Warm-up, not measured: the same stream for a while, so that the server's code is compiled at its final
        // tier and its parsed-document cache holds the page's documents, as on a server that has been up for a
        // while (the questions stay distinct: the warm-up draws from the same stream).
        // An error during the warm-up counts as an error too.
        var errors = 0;
        var firstErrors = new List<string>();
        await RunWorkersAsync(warmup, _ => { }, phase);
        var samples = new List<Sample>[concurrency];
        for (var worker = 0; worker < concurrency; worker++)
        {
            samples[worker] = [];
        }
        var elapsed = 0.0;
        var alternateCount = 0;
        var alternateElapsed = 0.0;
        var rounds = alternate is null ? 1 : turns;
        for (var turn = 0; turn < rounds; turn++)
        {
            if (alternate is not null)
            {
                alternateElapsed += await RunWorkersAsync(duration / rounds, _ => Interlocked.Increment(ref alternateCount), other!);
            }
            elapsed += await RunWorkersAsync(duration / rounds, sample => samples[sample.Worker].Add(sample.Sample), phase);
        }
        var all = samples.SelectMany(s => s).ToList();
        return new Result(all.Count / elapsed, StatsOf(all),
            all.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => StatsOf([.. g])), errors, firstErrors,
            all.Count(s => s.Again), phase.SentAgain,
            alternate is null ? null : alternateCount / alternateElapsed);

        async Task<double> RunWorkersAsync(TimeSpan length, Action<(int Worker, Sample Sample)> record, InTurn questions)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
            {
                while (clock.Elapsed < length)
                {
                    var question = questions.Next();
                    var start = Stopwatch.GetTimestamp();
                    var (ok, bytes, text) = await PostAsync(client, question.Body);
                    record((worker, new Sample(question.Kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds, bytes, question.Again)));
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                        lock (firstErrors)
                        {
                            if (firstErrors.Count < 5)
                            {
                                var body = Encoding.UTF8.GetString(question.Body);
                                firstErrors.Add($"{question.Kind}: {body[..Math.Min(300, body.Length)]} → {text[..Math.Min(300, text.Length)]}");
                            }
                        }
                    }
                }
            })));
            return clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>The workers take a stream's questions in order, each once, and start it again when it is used up
    /// (a stream of one question, such as <c>{ __typename }</c>, is that question over and over).</summary>
    private sealed class InTurn(Question[] stream)
    {
        private long _taken = -1;

        public Question Next() => stream[(int)(Interlocked.Increment(ref _taken) % stream.Length)];

        public long SentAgain => stream.Length == 1 ? 0 : Math.Max(0, Interlocked.Read(ref _taken) + 1 - stream.Length);
    }

    private static Stats StatsOf(List<Sample> samples)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            samples.Count == 0 ? 0 : samples.Max(s => s.Bytes));
    }

    private static async Task<(bool Ok, int Bytes, string Text)> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync((Uri?)null, content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // The answer is searched as bytes and decoded only when it reports an error: the client shares the machine's
        // two cores with the server, and decoding every answer of tens of kilobytes would take from the server.
        var ok = response.StatusCode == HttpStatusCode.OK && bytes.AsSpan().IndexOf("\"errors\""u8) < 0;
        return (ok, bytes.Length, ok ? "" : Encoding.UTF8.GetString(bytes));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
