using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace SafetyDuty.Tests.Web;

/// <summary>The officers' web page in real Chromium against the real api on the seed knowledge base.</summary>
public sealed class WebPageTests(WebPageFixture server) : IClassFixture<WebPageFixture>
{
    [Fact]
    public async Task Over_every_place_answers_come_a_page_at_a_time_and_more_adds_the_next_page()
    {
        // 危险化学品 over all five places has more answers than one page (20).
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var asked = await client.PostAsJsonAsync("/graphql", new { query = """{ responsibilities(topics: ["危险化学品"], first: 1000) { body { id } } }""" });
        var all = System.Text.Json.Nodes.JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["data"]!["responsibilities"]!.AsArray().Count;
        Assert.True(all > 20, $"{all} answers: not enough for a second page");
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask?q=" + Uri.EscapeDataString("危险化学品"));
        var page = session.Page;
        var cards = page.Locator("li.resp-card");
        var more = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^显示更多") });
        await Assertions.Expect(more).ToBeVisibleAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(20);

        await more.ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(Math.Min(all, 40));
        if (all <= 40)
        {
            await Assertions.Expect(more).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Asking_about_gas_in_restaurants_lists_the_Kunshan_commerce_bureau_first_with_its_clause()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask");
        var page = session.Page;

        var topics = page.GetByLabel("主题（行业领域）");
        await topics.PressSequentiallyAsync("燃");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "燃气" }).First).ToBeVisibleAsync();
        await topics.FillAsync("燃气 餐饮");
        await page.GetByLabel("地区").SelectOptionAsync(new SelectOptionValue { Label = "昆山市" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var kunshan = page.Locator("section.place-group").Filter(new() { HasText = "昆山市" });
        var cards = kunshan.Locator("li.resp-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var first = cards.First;
        await Assertions.Expect(first.Locator(".body-name")).ToHaveTextAsync("市商务局");
        // Issue 10: it assists (配合有关部门做好商贸服务业（含餐饮）…); showing it as 牵头 was wrong.
        await Assertions.Expect(first.Locator(".badge")).ToHaveTextAsync("配合");
        var clause = first.Locator(".evidence li").Filter(new() { HasText = "签订安全供用气合同" });
        await Assertions.Expect(clause).ToHaveCountAsync(1);
        var locator = clause.Locator(".cite a");
        await Assertions.Expect(locator).ToHaveTextAsync(new Regex(@"^条款 \S+"));
        // It leads 燃气 only: a partial match, folded under 只涉及部分主题 (issue 10).
        await kunshan.Locator("details.partial > summary").ClickAsync();
        await Assertions.Expect(kunshan.Locator(".body-name").Filter(new() { HasText = "市住房和城乡建设局" }).First).ToBeVisibleAsync();
        await session.ScreenshotAsync("ask-gas-restaurants");

        await locator.ClickAsync();
        var mark = page.Locator(".document-text mark#clause");
        await Assertions.Expect(mark).ToContainTextAsync("签订安全供用气合同");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("昆山市");
        await session.ScreenshotAsync("document-clause");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Theory]
    // 昆山市: the safety bureau is one of the leads on 危险化学品 (职能交叉), 市商务局 assists on 餐饮.
    [InlineData("市安全生产监督管理局", "危险化学品", "LEAD", "牵头")]
    [InlineData("市商务局", "餐饮", "ASSIST", "配合")]
    public async Task Every_page_shows_the_same_role_for_the_same_body_and_sector(string body, string sector, string role, string label)
    {
        await using var session = await BrowserSession.OpenAsync(server, $"/#/ask?q={sector}&place=昆山市");
        var page = session.Page;

        // 问责任: the badge, and under it and on hover, why.
        var card = page.Locator("li.resp-card").Filter(new() { Has = page.Locator(".body-name", new() { HasTextRegex = new Regex($"^{body}$") }) });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-role", role);
        await Assertions.Expect(card.Locator(".badge").First).ToHaveTextAsync(label);
        await Assertions.Expect(card.Locator(".basis")).ToContainTextAsync("职责用语");
        Assert.Contains("职责用语", await card.Locator(".badge").First.GetAttributeAsync("title"), StringComparison.Ordinal);
        var bodyId = await card.GetAttributeAsync("data-body-id");

        // 部门: the body's own page.
        await page.GotoAsync(new Uri(server.BaseAddress, $"/#/body/{Uri.EscapeDataString(bodyId!)}").ToString());
        await Assertions.Expect(page.Locator($"a.chip[data-sector='{sector}']")).ToHaveAttributeAsync("data-role", role);

        // 对比: the place's cell of the sector's row.
        await page.GotoAsync(new Uri(server.BaseAddress, $"/#/compare?places=昆山市,洛阳市&sector={sector}").ToString());
        var row = page.Locator("table.data tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex($"^{sector}") }) });
        await Assertions.Expect(row.Locator("td").Nth(0).Locator($".who-body[data-body-id='{bodyId}']")).ToHaveAttributeAsync("data-role", role);

        // 关系图: the sector's neighbourhood in the place.
        await page.GotoAsync(new Uri(server.BaseAddress, $"/#/graph?sector={sector}&place=昆山市").ToString());
        await Assertions.Expect(page.Locator("table.data tbody tr").Filter(new() { HasText = $"{body} {label} {sector}" })).ToHaveCountAsync(1);

        // 空白与交叉: where the sector is a finding, the body stands in the same column.
        await page.GotoAsync(new Uri(server.BaseAddress, "/#/gaps?place=昆山市").ToString());
        await Assertions.Expect(page.Locator("table.data").First).ToBeVisibleAsync();
        var findings = page.Locator("table.data tbody tr").Filter(new() { Has = page.Locator("th, td", new() { HasTextRegex = new Regex($"^{sector}$") }) });
        if (role == "LEAD")
        {
            await Assertions.Expect(findings.Locator($".who-body[data-body-id='{bodyId}']")).ToHaveAttributeAsync("data-role", role);
        }
        else
        {
            // Its assists appear only under findings; never as a lead anywhere on the page.
            Assert.Equal(0, await page.Locator($".who-body[data-body-id='{bodyId}'][data-role='LEAD']").CountAsync());
        }
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task Comparing_shades_only_real_differences_not_a_place_without_a_reading()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/compare?places=昆山市,库尔勒市");
        var page = session.Page;
        await Assertions.Expect(page.Locator("table.data tbody tr").First).ToBeVisibleAsync();

        var counts = await page.EvaluateAsync<int[]>("""
            () => {
              const rows = [...document.querySelectorAll('table.data tbody tr')];
              const shadedWithMissing = rows.filter((r) => r.classList.contains('differs') && r.querySelector('td.missing')).length;
              const missingNotShaded = rows.filter((r) => !r.classList.contains('differs') && r.querySelector('td.missing')).length;
              const shaded = rows.filter((r) => r.classList.contains('differs')).length;
              return [shadedWithMissing, missingNotShaded, shaded, rows.length];
            }
            """);
        Assert.Equal(0, counts[0]);
        Assert.True(counts[1] > 0, "a sector only one place reads is shown, unshaded");
        Assert.True(counts[2] < counts[3] / 2, $"{counts[2]} of {counts[3]} rows shaded");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task Asking_a_whole_sentence_shows_what_was_understood_and_who_is_responsible()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask");
        var page = session.Page;

        await page.GetByLabel("主题（行业领域）").FillAsync("饭店用液化气谁管？");
        await page.GetByLabel("地区").SelectOptionAsync(new SelectOptionValue { Label = "昆山市" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var understood = page.GetByRole(AriaRole.List, new() { Name = "理解为" });
        await Assertions.Expect(understood.Locator("li")).ToHaveTextAsync([new Regex("^“饭店” → 餐饮"), new Regex("^“液化气” → 燃气")]);
        var first = page.Locator("section.place-group").Filter(new() { HasText = "昆山市" }).Locator("li.resp-card").First;
        await Assertions.Expect(first.Locator(".body-name")).ToHaveTextAsync("市商务局");
        await session.ScreenshotAsync("ask-sentence");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task A_typo_is_answered_with_its_correction()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask");
        var page = session.Page;

        await page.GetByLabel("主题（行业领域）").FillAsync("燃汽");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var correction = page.GetByRole(AriaRole.List, new() { Name = "理解为" }).Locator("li.corrected");
        await Assertions.Expect(correction).ToContainTextAsync("“燃汽”：您是不是要找：燃气");
        await Assertions.Expect(page.Locator("li.resp-card").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("ask-typo");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task An_unknown_word_gets_suggestions_and_the_duties_that_mention_it()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask?q=燃料");
        var page = session.Page;

        await Assertions.Expect(page.Locator("li.unmatched")).ToHaveTextAsync("“燃料”：未读懂");
        var suggestion = page.Locator(".suggestions-line a").Filter(new() { HasText = "醇基燃料" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        var fulltext = page.GetByRole(AriaRole.Region, new() { Name = "全文检索结果" });
        await Assertions.Expect(fulltext.Locator("mark").First).ToHaveTextAsync("燃料");
        await session.ScreenshotAsync("ask-unknown-word");

        await suggestion.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "理解为" })).ToContainTextAsync("醇基燃料");
        await Assertions.Expect(page.Locator("li.resp-card").First).ToBeVisibleAsync();
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task An_empty_question_says_what_to_type()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask");
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请输入问题或主题");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task The_question_page_is_usable_at_phone_width()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask?q=燃气 餐饮&place=昆山市", width: 390, height: 844);
        var page = session.Page;
        await Assertions.Expect(page.Locator("li.resp-card").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "页面在手机宽度下横向溢出 (the page overflows at phone width)");
        await session.ScreenshotAsync("ask-phone");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task Comparing_two_places_renders_the_sector_matrix()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/compare");
        var page = session.Page;
        await page.GetByLabel("昆山市").CheckAsync();
        await page.GetByLabel("洛阳市").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();

        var table = page.Locator("table.data");
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["行业领域", "昆山市", "洛阳市"]);
        var gas = table.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex("^燃气") }) });
        await Assertions.Expect(gas).ToHaveCountAsync(1);
        await Assertions.Expect(gas.Locator("td").Nth(0)).ToContainTextAsync("牵头");
        Assert.True(await table.Locator("tbody tr").CountAsync() > 3);
        await session.ScreenshotAsync("compare-kunshan-luoyang");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task The_graph_draws_a_neighbourhood_and_moves_to_a_clicked_node()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/graph?sector=燃气&place=昆山市");
        var page = session.Page;
        await page.WaitForFunctionAsync("() => document.querySelector('.graph-canvas')?.cy?.nodes().length > 1");
        await session.ScreenshotAsync("graph-sector-gas");

        // A real mouse click on the canvas, where cytoscape drew a body node.
        var target = await page.EvaluateAsync<NodeOnScreen>("""
            async () => {
              const cy = document.querySelector('.graph-canvas').cy;
              const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
              // Bring the whole canvas into the viewport and take the highest body node, so the click cannot land
              // off-screen at the bottom edge of an 800-pixel window. Cytoscape keeps the canvas's page offset and
              // refreshes it only after the scroll event: let that pass, then have it measured again, or it maps
              // the click through the offset from before the scroll and misses the node.
              cy.container().scrollIntoView({ block: 'center' });
              await frame();
              await frame();
              cy.resize();
              await frame();
              const node = cy.nodes('.body').sort((a, b) => a.renderedPosition().y - b.renderedPosition().y)[0];
              const box = cy.container().getBoundingClientRect();
              const p = node.renderedPosition();
              return { x: box.left + p.x, y: box.top + p.y, id: node.id(), label: node.data('label') };
            }
            """);
        await page.Mouse.ClickAsync(target.X, target.Y);

        // The route is the hash: poll it, rather than wait for a navigation event that a same-document hash
        // change under load can slip past.
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/graph?body=')");
        await page.WaitForFunctionAsync(
            "id => { const cy = document.querySelector('.graph-canvas')?.cy; return cy && cy.nodes('.focus').id() === id && cy.nodes().length > 1; }",
            target.Id);
        await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync(target.Label);
        await session.ScreenshotAsync("graph-body-after-click");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task Exporting_the_answer_to_xlsx_downloads_a_workbook_that_reads_back()
    {
        await using var session = await BrowserSession.OpenAsync(server, "/#/ask?q=燃气 餐饮&place=昆山市");
        var page = session.Page;
        await Assertions.Expect(page.Locator("li.resp-card").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "导出 XLSX" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"safetyduty-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var rows = ReadSheet(path);
            Assert.Equal(["地区", "排序", "单位", "职能类型", "角色", "匹配", "角色依据", "条款", "职责原文", "文件"], rows[0]);
            Assert.Contains(rows.Skip(1), r => r[0] == "昆山市" && r[2] == "市商务局" && r[8].Contains("签订安全供用气合同"));
        }
        finally
        {
            File.Delete(path);
        }

        await session.ScreenshotAsync("ask-export");
        session.AssertStayedOnThisMachineWithoutErrors();
    }

    [Fact]
    public async Task The_body_gap_and_load_pages_and_GraphiQL_render_offline()
    {
        await using (var session = await BrowserSession.OpenAsync(server, "/#/body?place=昆山市&search=商务局"))
        {
            var page = session.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "市商务局", Exact = true }).First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("市商务局");
            await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("签订安全供用气合同");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "与谁共同负责各领域" })).ToBeVisibleAsync();
            // 商贸服务业: the bureau assists, 市安全生产监督管理局 leads (Body.shares, asked with the body itself).
            var shared = page.GetByRole(AriaRole.Region, new() { Name = "共同负责的单位" }).Locator("tr", new() { HasText = "商贸服务业" });
            await Assertions.Expect(shared).ToContainTextAsync("配合");
            await Assertions.Expect(shared).ToContainTextAsync("市安全生产监督管理局");
            await session.ScreenshotAsync("body-commerce-bureau");
            session.AssertStayedOnThisMachineWithoutErrors();
        }

        await using (var session = await BrowserSession.OpenAsync(server, "/#/gaps?place=昆山市"))
        {
            await Assertions.Expect(session.Page.Locator(".summary")).ToContainTextAsync("监管空白");
            await session.ScreenshotAsync("gaps-kunshan");
            session.AssertStayedOnThisMachineWithoutErrors();
        }

        await using (var session = await BrowserSession.OpenAsync(server, "/#/load"))
        {
            await Assertions.Expect(session.Page.GetByLabel("API 密钥")).ToBeVisibleAsync();
            await session.ScreenshotAsync("load");
            session.AssertStayedOnThisMachineWithoutErrors();
        }

        await using (var session = await BrowserSession.OpenAsync(server, "/graphiql"))
        {
            await Assertions.Expect(session.Page.Locator(".graphiql-container")).ToBeVisibleAsync();
            await Assertions.Expect(session.Page.Locator(".graphiql-query-editor")).ToContainTextAsync("responsibilities");
            await session.ScreenshotAsync("graphiql");
            session.AssertStayedOnThisMachineWithoutErrors();
        }
    }

    private static List<string[]> ReadSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    // Playwright fills results through a parameterless constructor and setters.
    private sealed class NodeOnScreen
    {
        public float X { get; set; }

        public float Y { get; set; }

        public string Id { get; set; } = "";

        public string Label { get; set; } = "";
    }
}
