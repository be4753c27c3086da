using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Health;

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers too.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IGraphStore store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken)
                ? Results.Text("ready")
                : Results.Text("存储不可达 (store unreachable)", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
