using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SafetyDuty.Tests.Seed;

/// <summary>Writes a document typed as plain text in the other forms places publish it in: a Word file with real
/// tables, a Word file whose labels are Word's automatic numbering (typed labels taken out of the text and put into
/// numbering.xml, directly on the paragraph or through paragraph styles), and a portal page. What Word or a portal
/// would do, built by hand from the typed text, so a test can read every form and expect the typed document's graph.
/// </summary>
internal static partial class TypedTextForms
{
    /// <summary>How the automatic numbering reaches the paragraphs.</summary>
    public enum Numbering
    {
        /// <summary>Labels stay typed in the text.</summary>
        Typed,

        /// <summary>Each numbered paragraph carries its own w:numPr.</summary>
        OnParagraphs,

        /// <summary>Each level has a paragraph style carrying the numbering (w:pStyle → w:numPr, the list in a base
        /// style and the level in the style based on it); restarts are w:numPr on the paragraph naming only the list.</summary>
        ThroughStyles,
    }

    /// <summary>A .docx of the text: one paragraph per line, and the tab-led table parts as real Word tables (a cell
    /// per tab-led line with its continuation lines as further paragraphs, a row per blank-line-separated group). With
    /// <paramref name="captionsInTables"/>, the lines between an annex label (附件2) and its table become the table's
    /// first row, one cell spanning the table, as Word users lay out a form's title and 填表单位.</summary>
    public static byte[] Docx(string text, Numbering numbering = Numbering.Typed, bool captionsInTables = false)
    {
        var lines = text.Split('\n');
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var lists = numbering == Numbering.Typed ? null : new ListBuilder(main, numbering, lines);
            var i = 0;
            while (i < lines.Length)
            {
                if (!lines[i].StartsWith('\t'))
                {
                    body.Append(Paragraph(lines[i++], lists));
                    continue;
                }

                var caption = new List<Paragraph>();
                if (captionsInTables)
                {
                    var annex = Array.FindLastIndex(lines, i - 1, Math.Min(i, 5), l => AnnexPattern().IsMatch(l.Trim()));
                    if (annex >= 0 && annex < i - 1)
                    {
                        var paragraphs = body.Elements<Paragraph>().ToList();
                        caption = paragraphs[^(i - 1 - annex)..];
                        foreach (var paragraph in caption)
                        {
                            paragraph.Remove();
                        }
                    }
                }

                var table = new Table();
                TableRow? row = null;
                TableCell? cell = null;
                for (; i < lines.Length; i++)
                {
                    if (lines[i].StartsWith('\t'))
                    {
                        row ??= table.AppendChild(new TableRow());
                        cell = row.AppendChild(new TableCell(Paragraph(lines[i][1..], lists)));
                    }
                    else if (lines[i].Length > 0 && cell is not null)
                    {
                        cell.Append(Paragraph(lines[i], lists));
                    }
                    else if (lines[i].Length == 0 && i + 1 < lines.Length && lines[i + 1].StartsWith('\t'))
                    {
                        row = null;
                        cell = null;
                    }
                    else
                    {
                        break;
                    }
                }

                if (caption.Count > 0)
                {
                    var columns = table.Elements<TableRow>().Max(r => r.Elements<TableCell>().Count());
                    var spanning = new TableCell(new TableCellProperties(new GridSpan { Val = columns }));
                    spanning.Append(caption);
                    table.InsertAt(new TableRow(spanning), 0);
                }

                body.Append(table);
            }

            lists?.Save();
        }

        return memory.ToArray();
    }

    /// <summary>A portal page of the text: site navigation, a breadcrumb, the article in a content div (lines as
    /// paragraphs, an empty paragraph for a blank line, runs of spaces as no-break spaces, tab-led table parts as a
    /// &lt;table&gt;), a share-and-print bar and a footer; the charset declared in a meta tag.</summary>
    public static byte[] Html(string text, Encoding encoding, string charset, string siteTitle = "人民政府门户网站")
    {
        var lines = text.Split('\n');
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n");
        page.Append(CultureInfo.InvariantCulture, $"<meta name=\"ArticleTitle\" content=\"{Escape(lines[0])}\">\n<title>{Escape(lines[0])} - {siteTitle}</title>\n");
        page.Append("<style>.nav a{margin:0 1em}</style><script>var visits = 0;</script></head>\n<body>\n");
        page.Append(CultureInfo.InvariantCulture, $"<div class=\"header\"><h2>{siteTitle}</h2></div>\n<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/zwgk\">政务公开</a><a href=\"/zcwj\">政策文件</a></div>\n");
        page.Append("<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> &gt; 政策文件</div>\n");
        page.Append("<div class=\"content\" id=\"zoom\">\n");
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith('\t'))
            {
                page.Append(CultureInfo.InvariantCulture, $"<p>{Escape(lines[i++])}</p>\n");
                continue;
            }

            page.Append("<table border=\"1\">\n<tr>");
            for (; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('\t'))
                {
                    page.Append(CultureInfo.InvariantCulture, $"</td><td>{Escape(lines[i][1..])}");
                }
                else if (lines[i].Length > 0)
                {
                    page.Append(CultureInfo.InvariantCulture, $"<br>{Escape(lines[i])}");
                }
                else if (i + 1 < lines.Length && lines[i + 1].StartsWith('\t'))
                {
                    page.Append("</td></tr>\n<tr>");
                }
                else
                {
                    break;
                }
            }

            page.Append("</td></tr>\n</table>\n");
        }

        page.Append("</div>\n<div class=\"share\">分享到：微信 微博　【打印本页】【关闭窗口】</div>\n");
        page.Append(CultureInfo.InvariantCulture, $"<div class=\"footer\">主办：{siteTitle}　网站标识码 0000000000　技术支持：信息中心</div>\n</body></html>\n");
        // A row's first cell was opened by "</td><td>": drop the stray closing tag that precedes it.
        var html = page.ToString().Replace("<tr></td>", "<tr>", StringComparison.Ordinal);
        return encoding.GetBytes(html);
    }

    // Runs of spaces, and spaces at either end, are what the author spaced: a page keeps them as no-break spaces.
    private static string Escape(string line)
    {
        var escaped = WebUtility.HtmlEncode(line).Replace("\t", "&nbsp;", StringComparison.Ordinal);
        return SpacesPattern().Replace(escaped, m => string.Concat(Enumerable.Repeat("&nbsp;", m.Length)));
    }

    private static Paragraph Paragraph(string text, ListBuilder? lists)
    {
        var paragraph = new Paragraph();
        if (lists is not null)
        {
            text = lists.Number(paragraph, text);
        }

        var parts = text.Split('\t');
        var run = new Run();
        for (var k = 0; k < parts.Length; k++)
        {
            if (k > 0)
            {
                run.Append(new TabChar());
            }

            run.Append(new Text(parts[k]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>Takes typed labels out of paragraphs and numbers them with one multi-level list, a level per label
    /// form in the order the forms first appear. Word counts on from the last number at a level and restarts a level
    /// under a new item of a shallower one; where the typed number is not what Word would count, the paragraph gets a
    /// list instance of its own that restarts the level at the typed number (w:lvlOverride/w:startOverride). A level
    /// keeps Word's default tab after the label where every label of that form was typed as Word shows a tab (nothing
    /// after 一、 and （一）, an ideographic space after 第一条); otherwise its separator is "nothing" and the typed
    /// spacing stays in the text.</summary>
    private sealed class ListBuilder(MainDocumentPart main, Numbering numbering, IEnumerable<string> lines)
    {
        private const int ListId = 1;
        private readonly List<(string Prefix, string Format, string Suffix)> _forms = [];
        private readonly int?[] _counters = new int?[9];
        private readonly List<NumberingInstance> _restarts = [];
        private readonly HashSet<(string, string, string)> _typedSpacing = Survey(lines);

        public string Number(Paragraph paragraph, string text)
        {
            if (Parse(text) is not var (form, value, length))
            {
                return text;
            }

            var level = _forms.IndexOf(form);
            if (level < 0)
            {
                if (_forms.Count == 9)
                {
                    return text;
                }

                _forms.Add(form);
                level = _forms.Count - 1;
            }

            var instance = ListId;
            if (value != (_counters[level] ?? 0) + 1)
            {
                instance = ListId + 1 + _restarts.Count;
                _restarts.Add(new NumberingInstance(
                    new AbstractNumId { Val = 0 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = value }) { LevelIndex = level })
                { NumberID = instance });
            }

            _counters[level] = value;
            for (var deeper = level + 1; deeper < _counters.Length; deeper++)
            {
                _counters[deeper] = null;
            }

            var properties = new ParagraphProperties();
            if (numbering == Numbering.ThroughStyles)
            {
                properties.Append(new ParagraphStyleId { Val = $"ListLevel{level}" });
                if (instance != ListId)
                {
                    properties.Append(new NumberingProperties(new NumberingId { Val = instance }));
                }
            }
            else
            {
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = instance }));
            }

            paragraph.Append(properties);
            var rest = text[length..];
            return _typedSpacing.Contains(form) || IsStop(form.Suffix) ? rest : rest[1..];
        }

        public void Save()
        {
            if (_forms.Count == 0)
            {
                return;
            }

            var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.Multilevel }) { AbstractNumberId = 0 };
            for (var level = 0; level < _forms.Count; level++)
            {
                var (prefix, format, suffix) = _forms[level];
                var lvl = new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(format)) })
                { LevelIndex = level };
                if (_typedSpacing.Contains(_forms[level]))
                {
                    lvl.Append(new LevelSuffix { Val = LevelSuffixValues.Nothing });
                }

                lvl.Append(new LevelText { Val = $"{prefix}%{level + 1}{suffix}" });
                definition.Append(lvl);
            }

            var part = main.AddNewPart<NumberingDefinitionsPart>();
            part.Numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(definition,
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = ListId });
            part.Numbering.Append(_restarts);
            if (numbering == Numbering.ThroughStyles)
            {
                var styles = main.AddNewPart<StyleDefinitionsPart>();
                styles.Styles = new Styles(new Style(
                    new StyleName { Val = "List Base" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = ListId })))
                { Type = StyleValues.Paragraph, StyleId = "ListBase" });
                for (var level = 0; level < _forms.Count; level++)
                {
                    styles.Styles.Append(new Style(
                        new StyleName { Val = $"List Level {level + 1}" },
                        new BasedOn { Val = "ListBase" },
                        new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level })))
                    { Type = StyleValues.Paragraph, StyleId = $"ListLevel{level}" });
                }
            }
        }

        // The forms whose labels are not all followed the way Word's tab reads.
        private static HashSet<(string, string, string)> Survey(IEnumerable<string> lines)
        {
            var typed = new HashSet<(string, string, string)>();
            foreach (var line in lines)
            {
                var text = line.StartsWith('\t') ? line[1..] : line;
                if (Parse(text) is var (form, _, length))
                {
                    var rest = text[length..];
                    var tabLike = IsStop(form.Suffix)
                        ? rest.Length == 0 || !char.IsWhiteSpace(rest[0])
                        : rest.StartsWith('\u3000') && (rest.Length == 1 || !char.IsWhiteSpace(rest[1]));
                    if (!tabLike)
                    {
                        typed.Add(form);
                    }
                }
            }

            return typed;
        }

        private static ((string Prefix, string Format, string Suffix) Form, int Value, int Length)? Parse(string text)
        {
            var match = LabelPattern().Match(text);
            if (!match.Success)
            {
                return null;
            }

            var (prefix, digits, suffix) = (match.Groups["prefix"].Value, match.Groups["number"].Value, match.Groups["suffix"].Value);
            var format = char.IsAsciiDigit(digits[0]) ? "decimal" : digits[0] is >= '①' and <= '⑳' ? "decimalEnclosedCircle" : "chineseCounting";
            var value = format switch
            {
                "decimal" => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture),
                "decimalEnclosedCircle" => digits[0] - '①' + 1,
                _ => ChineseValue(digits),
            };
            // A number Word would write differently (一十, 01) stays typed.
            if (value <= 0 || (format == "decimal" && digits != value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                || (format == "chineseCounting" && ChineseText(value) != digits))
            {
                return null;
            }

            return ((prefix, format, suffix), value, match.Length);
        }

        private static bool IsStop(string suffix) => suffix.Length > 0 && "、，,．.）)".Contains(suffix[^1], StringComparison.Ordinal);
    }

    private static int ChineseValue(string digits)
    {
        const string numerals = "零一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var c in digits)
        {
            if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                current = numerals.IndexOf(c, StringComparison.Ordinal);
            }
        }

        return total + current;
    }

    private static string ChineseText(int value)
    {
        const string numerals = "零一二三四五六七八九";
        if (value >= 100)
        {
            return "";
        }

        var tens = value / 10;
        var units = value % 10;
        return (tens == 0 ? "" : tens == 1 ? "十" : numerals[tens] + "十") + (units == 0 ? "" : numerals[units].ToString());
    }

    [GeneratedRegex(@"^(?:(?<prefix>第)(?<number>[一二三四五六七八九十]+)(?<suffix>[条章])|(?<prefix>[（(])(?<number>[一二三四五六七八九十]+|[0-9]{1,2})(?<suffix>[）)])|(?<prefix>)(?<number>[一二三四五六七八九十]+)(?<suffix>、)|(?<prefix>)(?<number>[0-9]{1,2})(?<suffix>[.．、])(?![0-9])|(?<prefix>)(?<number>[①-⑳])(?<suffix>))")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^附件\s*[0-9一二三四五六七八九十]*$")]
    private static partial Regex AnnexPattern();

    [GeneratedRegex(@"^ +| {2,}| +$")]
    private static partial Regex SpacesPattern();
}
