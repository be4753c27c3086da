using SafetyDuty.Api.Health;
using SafetyDuty.Api.Http;
using SafetyDuty.Api.Schema;
using SafetyDuty.Api.Seeding;
using SafetyDuty.Api.Telemetry;
using SafetyDuty.Api.Web;
using SafetyDuty.Graph.Store;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddKnowledgeBaseSeeding(builder.Configuration);
builder.Services.AddSafetyDutyGraphQL(builder.Configuration);
builder.Services.AddSafetyDutyTelemetry(builder.Configuration);

var app = builder.Build();
app.UseCors();
app.MapHealthEndpoints();
app.MapGraphQLEndpoint();
app.MapWebPage();
try
{
    app.Run();
}
catch (GraphStoreException e)
{
    // The store could not be opened or prepared (a database file this version cannot take, Neo4j unreachable):
    // say why in one message an officer can act on, not as a crash with a stack trace.
    Console.Error.WriteLine($"知识库无法启动 (the store could not start, {e.Code}): {e.Message}");
    return 1;
}

return 0;
