using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SafetyDuty.Benchmarks.Load;

/// <summary>A small closed-loop load client: N workers post one GraphQL query back to back for a fixed time.
/// Both queries run against the same server in the same run, so their throughputs can be compared.
/// Usage: load --url http://127.0.0.1:5000/graphql [--seconds 20] [--concurrency 16]</summary>
public static class GraphQLLoadTest
{
    private const string Responsibilities = """{ responsibilities(topics:["燃气","餐饮"]) { body { name } role evidence { locator } } }""";
    private const string Typename = "{ __typename }";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5000/graphql";
        var seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency") ?? "16", CultureInfo.InvariantCulture);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = new Uri(url),
        };

        var typename = await MeasureAsync(client, Typename, TimeSpan.FromSeconds(seconds), concurrency);
        var responsibilities = await MeasureAsync(client, Responsibilities, TimeSpan.FromSeconds(seconds), concurrency);
        Print("{ __typename }", typename);
        Print("responsibilities(燃气, 餐饮)", responsibilities);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio responsibilities / __typename = {responsibilities.Throughput / typename.Throughput:F2}"));
        return typename.Errors + responsibilities.Errors == 0 ? 0 : 1;
    }

    private sealed record Result(double Throughput, double P50, double P99, int Requests, int Errors);

    private static async Task<Result> MeasureAsync(HttpClient client, string query, TimeSpan duration, int concurrency)
    {
        var body = JsonSerializer.Serialize(new { query });
        // Warm-up: the server's document cache, JIT and the store's pages.
        for (var i = 0; i < 50; i++)
        {
            await PostAsync(client, body);
        }
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await PostAsync(client, body);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors);
    }

    private static async Task<bool> PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync((Uri?)null, content);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && !text.Contains("\"errors\"", StringComparison.Ordinal);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Print(string name, Result result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} {result.Throughput,10:F0} req/s  p50 {result.P50,7:F2} ms  p99 {result.P99,7:F2} ms  ({result.Requests} requests, {result.Errors} errors)"));

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
