using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace SafetyDuty.Tests.Api;

/// <summary>The official GraphQL-over-HTTP audit (npm graphql-http 1.23.1, serverAudits) against the API served by
/// Kestrel on 127.0.0.1: zero MUST failures. SHOULD failures are printed to the test output.</summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    private sealed class KestrelFactory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    [Fact]
    public async Task Passes_every_MUST_of_the_graphql_over_http_audit()
    {
        using var factory = new KestrelFactory();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var auditDirectory = AuditDirectory();
        if (!Directory.Exists(Path.Combine(auditDirectory, "node_modules")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", auditDirectory, TimeSpan.FromMinutes(5));
        }
        var json = await RunAsync("node", $"audit.mjs {address}/graphql", auditDirectory, TimeSpan.FromMinutes(2));

        var audits = JsonNode.Parse(json)!.AsArray().Select(a => a!).ToList();
        Assert.NotEmpty(audits);
        foreach (var warning in audits.Where(a => (string?)a["status"] == "warn"))
        {
            output.WriteLine($"SHOULD not met: {warning["name"]} — {warning["reason"]}");
        }
        var failures = audits
            .Where(a => (string?)a["status"] == "error")
            .Select(a => $"{a["name"]} — {a["reason"]}")
            .ToList();
        Assert.Empty(failures);
    }

    private static string AuditDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Api", "http-audit");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Api/http-audit not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RunAsync(string program, string arguments, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} took longer than {limit}");
        }
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
