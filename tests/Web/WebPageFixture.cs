using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SafetyDuty.Tests.Web;

/// <summary>The real api on Kestrel at 127.0.0.1 (a free port) over the seed knowledge base in its own temp
/// directory, and Debian's Chromium driven by Playwright. Never downloads a browser.</summary>
public class WebPageFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ApiKey = "web-page-test-key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("safetyduty-web-").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Whether the server has an API key configured (<c>Api:Keys</c>).</summary>
    protected virtual bool WithApiKey => true;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Path", Path.Combine(_dataDirectory, "safetyduty.db"));
            builder.UseSetting("Seed:OnEmpty", "true");
            builder.UseSetting("Api:Keys:0", WithApiKey ? ApiKey : "");
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with nothing of its own going to the network.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"浏览器测试需要 Debian 的 Chromium，但 {ChromiumPath} 不存在。请运行：apt-get install -y chromium fonts-noto-cjk " +
                "(browser tests need Debian's chromium; Playwright never downloads a browser here).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-first-run",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A database file still held by a finalising connection; the OS cleans temp directories.
        }
    }

    // tests/screenshots/ (git-ignored), found from the test assembly's directory upwards.
    private static string FindScreenshotDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafetyDuty.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>The same server with no API key configured: nobody can write.</summary>
public sealed class KeylessWebPageFixture : WebPageFixture
{
    protected override bool WithApiKey => false;
}
