using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SafetyDuty.Api.Telemetry;

namespace SafetyDuty.Tests.Api;

public class ConsoleLoggingTests
{
    [Fact]
    public void Writes_readable_single_lines_in_development()
    {
        var console = ConsoleOptions(Environments.Development);

        Assert.Equal(ConsoleFormatterNames.Simple, console.FormatterName);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Writes_json_everywhere_else(string environment)
    {
        var console = ConsoleOptions(environment);

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
    }

    private static ConsoleLoggerOptions ConsoleOptions(string environment)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSafetyDutyConsole(new HostingEnvironment { EnvironmentName = environment }));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
    }
}
