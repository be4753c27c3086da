using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SafetyDuty.Api.Telemetry;

public static class ConsoleLogging
{
    /// <summary>Console logs as their reader needs them: one readable line per event in Development, for whoever runs
    /// the service at a terminal; JSON everywhere else, for the collector that gathers and searches them.</summary>
    public static ILoggingBuilder AddSafetyDutyConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return logging.AddSimpleConsole(simple =>
            {
                simple.SingleLine = true;
                simple.TimestampFormat = "HH:mm:ss ";
            });
        }

        // JSON keeps Chinese readable: 应急管理局, not \u5E94….
        return logging.AddJsonConsole(json =>
            json.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
    }
}
