using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SafetyDuty.Api.Http;
using SafetyDuty.Tests.Graph;

namespace SafetyDuty.Tests.Api;

public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Refuses_a_database_it_cannot_take_with_one_message_and_a_failing_exit_code()
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "old.db");
        OldDatabaseFile.WriteSchema3WithADocument(database);

        var bytes = await File.ReadAllBytesAsync(database);
        var (exitCode, message) = await RunApiAsync(new()
        {
            ["Store__Kind"] = "sqlite",
            ["Store__Path"] = database,
        });

        // The host logs the failure as it logs any (with its trace, for whoever runs it); the process then ends
        // with one last line that says what to do, and a failing exit code.
        Assert.Equal(1, exitCode);
        Assert.StartsWith("知识库无法启动", message);
        Assert.Contains("SCHEMA_RELOAD_REQUIRED", message);
        Assert.Contains("重新导入", message);
        Assert.Contains(database, message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(database));
    }

    [Theory]
    [InlineData("Store__Kind", "mysql", "Store:Kind")]
    [InlineData("Api__MaxDepth", "-1", "MaxDepth")]
    [InlineData("Neo4j__BatchSize", "-100", "BatchSize")]
    public async Task Refuses_an_invalid_setting_with_one_line_naming_it_and_a_failing_exit_code(string variable, string value, string named)
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "kb.db");
        var (exitCode, lastLine) = await RunApiAsync(new()
        {
            ["Store__Path"] = database,
            ["Seed__OnEmpty"] = "false",
            [variable] = value,
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("设置无效，服务未启动", lastLine);
        Assert.Contains(named, lastLine);
        // Refused before the store was opened: nothing was created.
        Assert.False(File.Exists(database));
    }

    // Runs the API as its own process until it ends by itself (bounded), and returns its exit code and last error line.
    private static async Task<(int ExitCode, string LastLine)> RunApiAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(GraphQLEndpoint).Assembly.Location);
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var api = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var output = api.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = api.StandardError.ReadToEndAsync(timeout.Token);
            await api.WaitForExitAsync(timeout.Token);
            await output;
            return (api.ExitCode, (await error).TrimEnd().Split('\n')[^1]);
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
            }
        }
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
