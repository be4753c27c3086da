using System.Text;
using System.Text.Json;
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

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_a_docx_numbered_by_word(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        AssertSameGraph(file, Read(TypedTextForms.Docx(text, TypedTextForms.Numbering.OnParagraphs), "auto.docx"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_graph_from_a_docx_numbered_through_paragraph_styles(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        AssertSameGraph(file, Read(TypedTextForms.Docx(text, TypedTextForms.Numbering.ThroughStyles), "styles.docx"));
    }

    [Fact]
    public void Reads_the_same_graph_from_a_word_table_whose_first_row_is_the_forms_title()
    {
        // 库尔勒市's annex 2 laid out as Word users do: its title and 填表单位 line in a first row spanning the table.
        var text = File.ReadAllText(SeedCorpus.PathOf(SeedCorpus.Korla));
        var docx = TypedTextForms.Docx(text, TypedTextForms.Numbering.OnParagraphs, captionsInTables: true);
        var result = Read(docx, "korla.docx");
        AssertSameGraph(SeedCorpus.Korla, result);
        Assert.DoesNotContain(result.Graph.Nodes.OfType<SafetyDuty.Graph.Model.Body>(), b => b.Name.Contains("填表", StringComparison.Ordinal) || b.Name.Contains("附件", StringComparison.Ordinal) || b.Name.Contains("XXXXX", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_bodies_duties_and_relations_from_a_portal_page(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        var page = TypedTextForms.Html(text, Encoding.UTF8, "utf-8");
        AssertSameContent(file, Read(page, "page.html"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_the_same_bodies_duties_and_relations_from_a_gbk_portal_page(string file)
    {
        var text = File.ReadAllText(SeedCorpus.PathOf(file));
        var page = TypedTextForms.Html(text, Encoding.GetEncoding(936), "gb2312");
        AssertSameContent(file, Read(page, "page.htm"));
    }

    [Theory]
    [InlineData("清单.doc")]
    [InlineData("清单.wps")]
    [InlineData("清单.txt")]
    public void Refuses_a_legacy_word_or_wps_file_saying_how_to_convert_it(string name)
    {
        // An OLE compound file, as legacy Word and WPS write, whatever it is called.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var e = Assert.Throws<DocumentReadException>(() => Read(bytes, name));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains("另存为", e.Reason, StringComparison.Ordinal);
        Assert.Contains(".docx", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_of_a_form_it_does_not_read()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read(Encoding.UTF8.GetBytes("第一条 县应急管理局职责\n"), "清单.xyz"));
        Assert.Contains(".xyz", e.Reason, StringComparison.Ordinal);
        Assert.Contains(".docx", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_bytes_behind_a_utf16_mark_that_are_not_utf16()
    {
        // A UTF-8 list saved with a UTF-16 byte-order mark in front: it decodes without an error, into nonsense.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "Corpus", "county-departments.txt"));
        var e = Assert.Throws<DocumentReadException>(() => Read([0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text)], "u16.txt"));
        Assert.Contains("解码", e.Reason, StringComparison.Ordinal);
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

    // A page is not the typed file byte for byte (its title comes first, its spacing is the page's), so the spans
    // differ; everything the graph says must not.
    private static void AssertSameContent(string file, SafetyDuty.Seed.Extraction.DocumentReadResult other)
    {
        var expected = SeedCorpus.Read(file).Graph;
        Assert.Equal(expected.Document.Id, other.Graph.Document.Id);
        Assert.Equal(expected.Document.Title, other.Graph.Document.Title);
        Assert.Equal(Describe(expected), Describe(other.Graph));

        static List<string> Describe(SafetyDuty.Graph.Model.DocumentGraph graph) =>
        [
            .. graph.Nodes.Where(n => n is not GraphDocument).Select(n => n is SafetyDuty.Graph.Model.Duty d ? $"{d.Id} {d.Locator} {d.Text}" : $"{n.Id} {n.DisplayName}").Order(StringComparer.Ordinal),
            .. graph.Edges.Select(e => $"{e.Type} {e.FromId} {e.ToId} {e.Scope}").Order(StringComparer.Ordinal),
        ];
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());

    private static byte[] BuildDocx(string text) => TypedTextForms.Docx(text);
}
