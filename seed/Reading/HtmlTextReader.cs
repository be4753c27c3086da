using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SafetyDuty.Seed.Reading;

/// <summary>Reads a portal page saved as .html/.htm: the bytes decoded in the charset the page declares (GBK pages are
/// common), the article found and the site's chrome around it dropped (navigation, header, footer, breadcrumbs,
/// 分享/打印/关闭窗口 bars, scripts and styles), the content heading put first as the title, and the article written as
/// text with its block structure: a block or a <c>&lt;br&gt;</c> ends a line, an empty paragraph is a blank line, and a
/// <c>&lt;table&gt;</c> is written the way a Word table is (<see cref="DocxTextReader"/>), so the same list published
/// as a page and as a Word file reads the same.</summary>
public static partial class HtmlTextReader
{
    private static readonly HashSet<string> Dropped = ["script", "style", "noscript", "template", "nav", "header", "footer",
        "aside", "form", "iframe", "button", "select", "input", "textarea", "object", "embed", "svg", "canvas", "head"];

    private static readonly HashSet<string> Blocks = ["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
        "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr",
        "tr", "table", "body"];

    static HtmlTextReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Read(byte[] bytes, string fileName)
    {
        var html = Decode(bytes, fileName);
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body ?? throw new DocumentReadException(fileName, 0, 0, "网页没有正文 (no <body>)");
        var pageTitle = document.Title;
        foreach (var element in body.QuerySelectorAll("*").Where(IsChrome).ToList())
        {
            element.Remove();
        }

        var content = MainContent(body);
        var lines = new List<string>();
        var title = ContentHeading(body, content) ?? CleanPageTitle(pageTitle);
        new Writer(lines).Write(content);
        Trim(lines);
        if (title is not null && !lines.Any(l => l.Replace(" ", "", StringComparison.Ordinal) == title.Replace(" ", "", StringComparison.Ordinal)))
        {
            lines.InsertRange(0, [title, ""]);
        }

        return string.Join('\n', lines);
    }

    // The page's own declaration decides (a BOM, <meta charset>, <meta http-equiv content="…charset=…">); a page that
    // declares nothing, or declares wrongly, is decoded as a plain-text document would be.
    private static string Decode(byte[] bytes, string fileName)
    {
        if (bytes.Length >= 2 && (bytes[0] is 0xFF or 0xFE || bytes[0] == 0xEF))
        {
            return TextDecoder.Decode(bytes, fileName);
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (CharsetPattern().Match(head) is { Success: true } match)
        {
            var name = match.Groups[1].Value.ToUpperInvariant();
            var codePage = name is "GB2312" or "GBK" or "GB18030" or "X-GBK" or "CP936" ? 54936 : -1;
            try
            {
                var encoding = codePage > 0
                    ? Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                    : Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return encoding.GetString(bytes);
            }
            catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
            {
                // An unknown or wrong declaration: the bytes still decide.
            }
        }

        return TextDecoder.Decode(bytes, fileName);
    }

    private static bool IsChrome(IElement element)
    {
        if (Dropped.Contains(element.LocalName))
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style && DisplayNonePattern().IsMatch(style))
        {
            return true;
        }

        var names = $"{element.Id} {element.ClassName}";
        return names.Length > 1 && ChromeNamePattern().IsMatch(names) && !ContentNamePattern().IsMatch(names);
    }

    // The article: a single <article>/<main>, else the block with the most text that is not link text (a menu is
    // mostly links), narrowed to the innermost block that still holds nearly all of it.
    private static IElement MainContent(IHtmlElement body)
    {
        var marked = body.QuerySelectorAll("article, main, [role=main]").ToList();
        if (marked.Count == 1 && PlainTextLength(marked[0]) > 0)
        {
            return marked[0];
        }

        IElement best = body;
        var bestLength = PlainTextLength(body);
        while (true)
        {
            var inner = best.Children.Where(c => Blocks.Contains(c.LocalName) || c.LocalName is "td" or "tbody")
                .Select(c => (Element: c, Length: PlainTextLength(c)))
                .OrderByDescending(c => c.Length)
                .FirstOrDefault();
            if (inner.Element is null || inner.Length < bestLength * 0.9 || inner.Element is IHtmlTableElement && IsDataTable((IHtmlTableElement)inner.Element))
            {
                return best;
            }

            best = inner.Element;
        }
    }

    private static int PlainTextLength(IElement element)
    {
        var all = Visible(element.TextContent);
        var links = element.QuerySelectorAll("a").Sum(a => Visible(a.TextContent));
        return all - links;

        static int Visible(string text) => text.Count(c => !char.IsWhiteSpace(c));
    }

    // The heading of the article: the first one inside it, else the nearest one above it — an h1–h3 or an element
    // named as a title (title, or biaoti as Chinese portals name it) that holds no paragraphs of its own.
    private static string? ContentHeading(IHtmlElement body, IElement content)
    {
        string? above = null;
        foreach (var element in body.QuerySelectorAll("h1, h2, h3, [class*=title], [id*=title], [class*=biaoti]"))
        {
            var text = Collapse(element.TextContent);
            if (text.Length is < 4 or > 120 || element.QuerySelector("p, table, div") is not null)
            {
                continue;
            }

            if (content.Contains(element))
            {
                return text;
            }

            if (element.CompareDocumentPosition(content).HasFlag(DocumentPositions.Following))
            {
                above = text;
            }
        }

        return above;
    }

    // "关于印发…的通知 - 青山县人民政府" → the part that names the document.
    private static string? CleanPageTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        return TitleSeparatorPattern().Split(Collapse(title)).MaxBy(p => p.Length)?.Trim();
    }

    private static string Collapse(string text) => WhitespacePattern().Replace(text, " ").Trim().Replace('\u00A0', ' ');

    private static bool IsDataTable(IHtmlTableElement table) =>
        table.QuerySelector("table") is null && table.Rows.Any(r => r.Cells.Length >= 2);

    private static void Trim(List<string> lines)
    {
        // Chrome that names no element: a breadcrumb or a print bar written as plain text.
        lines.RemoveAll(l => l.Length <= 80 && ChromeTextPattern().IsMatch(l));
        for (var i = lines.Count - 1; i > 0; i--)
        {
            if (lines[i].Length == 0 && lines[i - 1].Length == 0)
            {
                lines.RemoveAt(i);
            }
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    /// <summary>Writes elements as lines. Inline text is gathered into the current line with HTML's whitespace
    /// collapsing; a no-break space is kept as a space, since pages use it to lay out what the author spaced.</summary>
    private sealed class Writer(List<string> lines)
    {
        private readonly StringBuilder _line = new();

        public void Write(IElement root)
        {
            Walk(root);
            EndLine(false);
        }

        private void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _line.Append(text.Data);
                        break;
                    case IHtmlBreakRowElement:
                        EndLine(true);
                        break;
                    case IHtmlTableElement table when IsDataTable(table):
                        EndLine(false);
                        WriteTable(table);
                        break;
                    case IElement element when Blocks.Contains(element.LocalName) || element.LocalName is "td" or "th":
                        EndLine(false);
                        Walk(element);
                        // An empty paragraph is how pages space their text: it is a blank line.
                        if (!EndLine(false) && element.LocalName == "p" && element.Children.Length == 0)
                        {
                            lines.Add("");
                        }

                        break;
                    case IElement element:
                        Walk(element);
                        break;
                    default:
                        break;
                }
            }
        }

        // Ends the line being gathered; says whether it held anything. A <br> ends even an empty line.
        private bool EndLine(bool always)
        {
            var text = WhitespacePattern().Replace(_line.ToString(), " ").Replace('\u00A0', ' ').Trim(' ');
            _line.Clear();
            if (text.Length > 0 || always)
            {
                lines.Add(text);
                return text.Length > 0;
            }

            return false;
        }

        // A row is a group of tab-led cells, a blank line between rows; a cell's further lines follow untabbed. Rows of
        // one cell spanning the whole table before or after the rows with columns are its caption and notes: lines.
        // A cell covered by a rowspan from above is written empty, as Word writes a merged cell's continuation.
        private void WriteTable(IHtmlTableElement table)
        {
            var rows = table.Rows.ToList();
            var columns = rows.Max(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan)));
            var firstData = rows.FindIndex(r => r.Cells.Length >= 2);
            var lastData = rows.FindLastIndex(r => r.Cells.Length >= 2);
            var covered = new Dictionary<int, int>();
            var first = true;
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                if ((r < firstData || r > lastData) && row.Cells.Length <= 1)
                {
                    if (r > lastData)
                    {
                        lines.Add("");
                    }

                    foreach (var cell in row.Cells)
                    {
                        new Writer(lines).Write(cell);
                    }

                    continue;
                }

                if (!first)
                {
                    lines.Add("");
                }

                first = false;
                var column = 0;
                foreach (var cell in row.Cells)
                {
                    while (covered.TryGetValue(column, out var left) && left > 0)
                    {
                        lines.Add("\t");
                        covered[column] = left - 1;
                        column++;
                    }

                    var cellLines = new List<string>();
                    new Writer(cellLines).Write(cell);
                    Trim(cellLines);
                    lines.Add("\t" + (cellLines.Count > 0 ? cellLines[0] : ""));
                    lines.AddRange(cellLines.Skip(1));
                    for (var span = 0; span < Math.Max(1, cell.ColumnSpan); span++)
                    {
                        covered[column + span] = cell.RowSpan - 1;
                    }

                    column += Math.Max(1, cell.ColumnSpan);
                }

                for (; column < columns; column++)
                {
                    if (covered.TryGetValue(column, out var left) && left > 0)
                    {
                        lines.Add("\t");
                        covered[column] = left - 1;
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNonePattern();

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|location|position|header|top|topbar|footer|foot|bottom|copyright|share|print|tools?|toolbar|sidebar|side|aside|banner|search|login|links|related|pager|pagination)([\s_-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeNamePattern();

    [GeneratedRegex(@"(^|[\s_-])(content|article|main|text|detail|zoom|TRS_Editor)([\s_-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentNamePattern();

    [GeneratedRegex(@"当前位置|您现在的位置|您所在的位置|分享到|打印本页|【打印】|关闭窗口|【关闭】|字号[：:]|浏览次数|访问次数|点击数[：:]|返回顶部|上一篇|下一篇|扫一扫|加入收藏|设为首页")]
    private static partial Regex ChromeTextPattern();

    [GeneratedRegex(@"\s*(?:[_|｜]+|-{2,}|—+)\s*|\s+[-–]\s+")]
    private static partial Regex TitleSeparatorPattern();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex WhitespacePattern();
}
