using Microsoft.Playwright;

namespace SafetyDuty.Tests.Web;

/// <summary>The 加载文件 page: a load shows its quality report; a server with no key says how an administrator sets one.
/// </summary>
public sealed class LoadPageTests(WebPageFixture server) : IClassFixture<WebPageFixture>
{
    private static readonly string Document = Path.Combine(AppContext.BaseDirectory, "Seed", "Corpus", "county-departments.txt");

    [Fact]
    public async Task Loading_a_file_shows_its_bodies_duties_unattributed_lines_and_warnings()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/load");
        var page = session.Page;
        await page.GetByLabel("API 密钥").FillAsync(WebPageFixture.ApiKey);
        await page.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(Document);
        await page.GetByRole(AriaRole.Button, new() { Name = "加载", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-summary]")).ToContainTextAsync("读出 4 个单位");
        await Assertions.Expect(page.Locator("[data-summary]")).ToContainTextAsync("9 条职责");
        await Assertions.Expect(page.Locator("[data-summary]")).ToContainTextAsync("行未归属");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("警告");
        session.AssertStayedOnThisMachineWithoutErrors();
    }
}

/// <summary>The 加载文件 page on a server with no API key configured.</summary>
public sealed class KeylessLoadPageTests(KeylessWebPageFixture server) : IClassFixture<KeylessWebPageFixture>
{
    [Fact]
    public async Task Loading_without_any_key_configured_says_so_and_how_an_administrator_sets_one()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/load");
        var page = session.Page;
        await page.GetByLabel("API 密钥").FillAsync("some-key");
        await page.GetByLabel("文件", new() { Exact = true }).SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "Corpus", "county-departments.txt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "加载", Exact = true }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("还没有设置任何 API 密钥");
        await Assertions.Expect(alert).ToContainTextAsync("Api:Keys");
        await session.ScreenshotAsync("load-without-keys");
    }
}
