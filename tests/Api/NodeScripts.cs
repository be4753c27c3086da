using System.Diagnostics;

namespace SafetyDuty.Tests.Api;

/// <summary>Runs a Node script of a test folder (tests/Api/NAME, with its own package.json and lock file) against
/// a running API: the folder's packages are installed from its lock file the first time (npm ci), and every run is
/// bounded in time.</summary>
internal static class NodeScripts
{
    public static async Task<string> RunAsync(string folder, string script, string arguments, TimeSpan limit)
    {
        var directory = Directory(folder);
        if (!File.Exists(Path.Combine(directory, "node_modules", ".package-lock.json")))
        {
            await RunProcessAsync("npm", "ci --no-audit --no-fund", directory, TimeSpan.FromMinutes(5));
        }

        return await RunProcessAsync("node", $"{script} {arguments}", directory, limit);
    }

    private static string Directory(string folder) => RepositoryPath.Of(Path.Combine("tests", "Api", folder), "package.json");

    private static async Task<string> RunProcessAsync(string program, string arguments, string directory, TimeSpan limit)
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
