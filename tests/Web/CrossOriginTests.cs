using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafetyDuty.Api.Http;

namespace SafetyDuty.Tests.Web;

/// <summary>Another government app's page, served from another origin (127.0.0.1 on a second port), calls the API
/// with fetch, as a browser does: a JSON POST with a key header, so the browser sends a preflight first.</summary>
public sealed class CrossOriginTests : IAsyncLifetime
{
    private const string AppPage = """
        <!doctype html><meta charset="utf-8"><title>另一个政务应用</title>
        <script>
          async function ask(api) {
            try {
              const response = await fetch(api, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json', 'X-Api-Key': 'none' },
                body: JSON.stringify({ query: '{ __typename }' }),
              });
              return 'answered ' + (await response.json()).data.__typename;
            } catch (error) {
              return 'refused ' + error.name;
            }
          }
        </script>
        """;

    private readonly List<IAsyncDisposable> _servers = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("safetyduty-cors-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _appOrigin = null!;

    public async Task InitializeAsync()
    {
        var app = WebApplication.CreateSlimBuilder();
        app.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var page = app.Build();
        page.MapGet("/", () => Results.Content(AppPage, "text/html; charset=utf-8"));
        await page.StartAsync();
        _servers.Add(page);
        _appOrigin = new Uri(page.Urls.Single());

        _playwright = await Playwright.CreateAsync();
        _browser = await WebPageFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A database file still held by a finalising connection; the OS cleans temp directories.
        }
    }

    [Fact]
    public async Task A_page_of_an_allowed_origin_calls_the_api_with_fetch()
    {
        var api = StartApi(_appOrigin.GetLeftPart(UriPartial.Authority));

        Assert.Equal("answered Query", await AskFromTheAppPageAsync(api));
    }

    [Fact]
    public async Task A_page_of_an_origin_not_configured_is_refused_by_the_browser()
    {
        var api = StartApi("http://127.0.0.1:1");

        Assert.Equal("refused TypeError", await AskFromTheAppPageAsync(api));
    }

    [Fact]
    public async Task With_no_origins_configured_no_other_origin_may_call()
    {
        var api = StartApi();

        Assert.Equal("refused TypeError", await AskFromTheAppPageAsync(api));
    }

    private async Task<string> AskFromTheAppPageAsync(Uri api)
    {
        var context = await _browser!.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(_appOrigin.ToString());
            Assert.NotEqual(new Uri(page.Url).Port, api.Port);
            return await page.EvaluateAsync<string>("api => ask(api)", new Uri(api, "/graphql").ToString());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // The API on Kestrel at 127.0.0.1 over an empty store of its own (the page asks only for __typename).
    private Uri StartApi(params string[] allowedOrigins)
    {
        var factory = new WebApplicationFactory<GraphQLEndpoint>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Kind", "sqlite");
            builder.UseSetting("Store:Path", Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"));
            builder.UseSetting("Seed:OnEmpty", "false");
            for (var i = 0; i < allowedOrigins.Length; i++)
            {
                builder.UseSetting($"Api:Cors:AllowedOrigins:{i}", allowedOrigins[i]);
            }
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        _servers.Add(factory);
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }
}
