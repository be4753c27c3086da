using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SafetyDuty.Tests.Web;

/// <summary>One browser context on the test server: records every request the page makes (and aborts any that would
/// leave 127.0.0.1) and every script error, so each test can assert the page worked offline and cleanly.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(WebPageFixture server, string path, int width = 1280, int height = 800)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            session._requests.Enqueue(route.Request.Url);
            if (IsOnThisMachine(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync("blockedbyclient");
            }
        });
        context.Request += (_, request) => session._requests.Enqueue(request.Url);
        page.PageError += (_, error) => session._errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session._errors.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(path);
        return session;
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(WebPageFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });

    /// <summary>No request left 127.0.0.1 and no script failed.</summary>
    public void AssertStayedOnThisMachineWithoutErrors()
    {
        Assert.NotEmpty(_requests);
        Assert.All(_requests, url => Assert.True(IsOnThisMachine(url), $"请求离开了本机 (request left 127.0.0.1): {url}"));
        Assert.Empty(_errors);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static bool IsOnThisMachine(string url)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal))
        {
            return true;
        }

        // A blob URL names the origin that made it: blob:http://127.0.0.1:port/uuid.
        var address = url.StartsWith("blob:", StringComparison.Ordinal) ? url["blob:".Length..] : url;
        return Uri.TryCreate(address, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host == "127.0.0.1";
    }
}
