using SafetyDuty.Api.Health;
using SafetyDuty.Api.Http;
using SafetyDuty.Api.Schema;
using SafetyDuty.Api.Seeding;
using SafetyDuty.Api.Telemetry;
using SafetyDuty.Api.Web;
using SafetyDuty.Graph.Store;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.AddSafetyDutyConsole(builder.Environment);
    builder.Services.AddGraphStore(builder.Configuration);
    builder.Services.AddKnowledgeBaseSeeding();
    builder.Services.AddSafetyDutyGraphQL(builder.Configuration);
    builder.Services.AddSafetyDutyTelemetry(builder.Configuration);

    var app = builder.Build();
    app.UseCors();
    app.MapHealthEndpoints();
    app.MapGraphQLEndpoint();
    app.MapWebPage();
    app.Run();
}
catch (Exception e) when (StartFailure.Explain(e) is { } reason)
{
    // Invalid settings or a store that cannot be opened: one message an officer can act on, not a crash with a
    // stack trace (whatever the host logged before it stays above, for whoever runs it).
    Console.Error.WriteLine(reason);
    return 1;
}

return 0;
