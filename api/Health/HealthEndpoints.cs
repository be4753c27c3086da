using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Health;

public static class HealthEndpoints
{
    // How long /readyz waits for the places to be read before it answers "not yet".
    private static readonly TimeSpan ReadingWait = TimeSpan.FromSeconds(2);

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers too, and the places have been
    /// read into the read model once since the start, so that questions answer from memory. Readiness does not drop
    /// after a load: the new version's places are read again in the background, and a question about one not read
    /// yet reads it itself.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IGraphStore store, ReadModel model, CancellationToken cancellationToken) =>
        {
            if (!await store.IsReachableAsync(cancellationToken))
            {
                return Results.Text("存储不可达 (store unreachable)", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (!await CompletesAsync(model.FirstPlacesRead, ReadingWait, cancellationToken))
            {
                var (read, places) = model.Progress;
                return Results.Text($"正在读入各地：{read}/{places} (reading places)", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Text("ready");
        });
        return app;
    }

    private static async Task<bool> CompletesAsync(Task task, TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.WhenAny(task, Task.Delay(wait, cancellationToken));
        return task.IsCompleted;
    }
}
