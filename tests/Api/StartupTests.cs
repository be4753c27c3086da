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
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(GraphQLEndpoint).Assembly.Location);
        start.Environment["Store__Kind"] = "sqlite";
        start.Environment["Store__Path"] = database;
        start.Environment["Urls"] = "http://127.0.0.1:0";
        using var api = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var output = api.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = api.StandardError.ReadToEndAsync(timeout.Token);
            await api.WaitForExitAsync(timeout.Token);

            // The host logs the failure as it logs any (with its trace, for whoever runs it); the process then ends
            // with one last line that says what to do, and a failing exit code.
            await output;
            Assert.Equal(1, api.ExitCode);
            var message = (await error).TrimEnd().Split('\n')[^1];
            Assert.StartsWith("知识库无法启动", message);
            Assert.Contains("SCHEMA_RELOAD_REQUIRED", message);
            Assert.Contains("重新导入", message);
            Assert.Contains(database, message);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(database));
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
