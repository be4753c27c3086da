using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SafetyDuty.Seed.Reading;
using GraphDocument = SafetyDuty.Graph.Model.Document;

namespace SafetyDuty.Tests.Seed;

/// <summary>The same document in any supported form yields the same graph with the same ids; bad input gets a clear
/// error and nothing crashes.</summary>
public class DocumentFormsTests
{
    static DocumentFormsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Seeds => new(SeedCorpus.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_gb18030(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        AssertSameGraph(file, Read(Encoding.GetEncoding(54936).GetBytes(text), "gb.txt"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_utf8_with_bom_and_crlf(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file)).Replace("\n", "\r\n", StringComparison.Ordinal);
        AssertSameGraph(file, Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "bom.txt"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_utf16(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        AssertSameGraph(file, Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], "u16.txt"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_a_docx_with_real_word_tables(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        AssertSameGraph(file, Read(BuildDocx(text), "seed.docx"));
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read([], "empty.txt"));
        Assert.Contains("空", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_binary_file_with_its_position()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read([0x41, 0x0A, 0x42, 0x00, 0x01, 0x02], "x.txt"));
        Assert.Equal(2, e.Line);
        Assert.Contains("二进制", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_truncated_docx()
    {
        var docx = BuildDocx("第一条  区财政局安全生产职责\n（一）落实经费。");
        var e = Assert.Throws<DocumentReadException>(() => Read(docx[..(docx.Length / 2)], "cut.docx"));
        Assert.Contains(".docx", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_undecodable_encoding()
    {
        // 0xFF cannot start a GB18030 or UTF-8 sequence.
        var e = Assert.Throws<DocumentReadException>(() => Read([0xB0, 0xA1, 0xFF, 0xFF, 0x0A], "bad.txt"));
        Assert.Contains("解码", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_50_MB_file_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.txt");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            var e = Assert.Throws<DocumentReadException>(() => SeedCorpus.Reader.Read(path));
            Assert.Contains("过大", e.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reports_nothing_found_for_text_without_structure()
    {
        var result = Read(Encoding.UTF8.GetBytes("今天天气很好。\n我们去公园散步。\n"), "prose.txt");
        Assert.True(result.Report.IsEmpty);
        Assert.Equal(2, result.Report.UnattributedLines.Count);
    }

    private static SafetyDuty.Seed.Extraction.DocumentReadResult Read(byte[] bytes, string name) =>
        SeedCorpus.Reader.Read(new MemoryStream(bytes), name);

    private static void AssertSameGraph(string file, SafetyDuty.Seed.Extraction.DocumentReadResult other)
    {
        var expected = SeedCorpus.Read(file).Graph;
        var actual = other.Graph;
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Document with { SourceFile = "" }, actual.Document with { SourceFile = "" });
        Assert.Equal(Json(expected.Nodes.Where(n => n is not GraphDocument)), Json(actual.Nodes.Where(n => n is not GraphDocument)));
        Assert.Equal(Json(expected.Edges), Json(actual.Edges));
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());

    /// <summary>A .docx of the text: one paragraph per line, and the tab-led table parts as real Word tables (a cell
    /// per tab-led line with its continuation lines as further paragraphs, a row per blank-line-separated group).</summary>
    private static byte[] BuildDocx(string text)
    {
        var lines = text.Split('\n');
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            document.AddMainDocumentPart().Document = new Document(body);
            var i = 0;
            while (i < lines.Length)
            {
                if (!lines[i].StartsWith('\t'))
                {
                    body.Append(Paragraph(lines[i++]));
                    continue;
                }

                var table = new Table();
                TableRow? row = null;
                TableCell? cell = null;
                for (; i < lines.Length; i++)
                {
                    if (lines[i].StartsWith('\t'))
                    {
                        row ??= table.AppendChild(new TableRow());
                        cell = row.AppendChild(new TableCell(Paragraph(lines[i][1..])));
                    }
                    else if (lines[i].Length > 0 && cell is not null)
                    {
                        cell.Append(Paragraph(lines[i]));
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

                body.Append(table);
            }
        }

        return memory.ToArray();
    }

    private static Paragraph Paragraph(string text)
    {
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

        return new Paragraph(run);
    }
}
