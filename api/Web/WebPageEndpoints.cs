namespace SafetyDuty.Api.Web;

/// <summary>The officers' web page (/) and GraphiQL (/graphiql): static files from wwwroot, whose front-end
/// packages are copied from npm into wwwroot/lib at build time, so nothing is loaded from outside the intranet.</summary>
public static class WebPageEndpoints
{
    /// <summary>Serves the page, GraphiQL and the table export endpoint.</summary>
    public static WebApplication MapWebPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages and scripts change with each build; a stale cached script would call a schema that moved on.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/graphiql", (IWebHostEnvironment environment) =>
            Results.File(environment.WebRootFileProvider.GetFileInfo("graphiql.html").CreateReadStream(), "text/html; charset=utf-8"));
        app.MapPost("/export/xlsx", TableExport.WriteXlsxAsync).DisableAntiforgery();
        return app;
    }
}
