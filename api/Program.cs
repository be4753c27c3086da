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
app.MapHealthEndpoints();
app.MapGraphQLEndpoint();
app.MapWebPage();
app.Run();
