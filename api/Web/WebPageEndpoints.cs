namespace SafetyDuty.Api.Web;

public static class WebPageEndpoints
{
    /// <summary>The web page and GraphiQL (the web branch replaces this minimal static-file serving).</summary>
    public static WebApplication MapWebPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
