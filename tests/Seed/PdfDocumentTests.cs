using System.Globalization;
using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Seed;

/// <summary>PDF text layers. The PDFs are built in the test: Chinese text in a CID font with Identity-H encoding and a
/// ToUnicode map, the font not embedded (as a PDF printed from Word with a system font and font embedding off).</summary>
public class PdfDocumentTests
{
    [Fact]
    public void Reads_a_chinese_pdf_with_an_item_broken_across_a_page_break()
    {
        var pdf = BuildPdf(
        [
            ["第一条  区财政局安全生产职责", "（一）落实安全生产经费保障。", "（二）负责城镇燃气"],
            ["行业安全监督管理。"],
        ]);

        var graph = SeedCorpus.Reader.Read(new MemoryStream(pdf), "sample.pdf").Graph;

        var duties = graph.DutiesOfBody("区财政局");
        Assert.Equal(["第一条（一）", "第一条（二）"], duties.Select(d => d.Locator));
        Assert.Equal("负责城镇燃气行业安全监督管理。", duties[1].Text);
        Assert.Contains(graph.Edges, e => e.Type == EdgeType.Lead && e.FromId == graph.Body("区财政局").Id && e.ToId == StableId.Sector("燃气"));
    }

    [Fact]
    public void Reads_the_same_duties_from_a_pdf_of_a_seed_as_from_its_text()
    {
        var lines = File.ReadAllLines(SeedCorpus.PathOf(SeedCorpus.Kunshan));
        var pages = lines.Chunk(50).ToArray();

        var fromPdf = SeedCorpus.Reader.Read(new MemoryStream(BuildPdf(pages)), "kunshan.pdf").Graph;
        var fromText = SeedCorpus.Read(SeedCorpus.Kunshan).Graph;

        static List<string> Duties(DocumentGraph graph) =>
            graph.Nodes.OfType<Duty>().Select(d => $"{d.Locator} {d.Text.Replace(" ", "", StringComparison.Ordinal)}").ToList();
        Assert.Equal(Duties(fromText), Duties(fromPdf));
        Assert.Equal(fromText.Nodes.OfType<Body>().Select(b => b.Name), fromPdf.Nodes.OfType<Body>().Select(b => b.Name));
        Assert.Equal(fromText.Document.Number, fromPdf.Document.Number);
    }

    // A minimal PDF: one Type0 font (CID = Unicode code unit, mapped back by ToUnicode), one content stream per page
    // writing each line on its own baseline.
    private static byte[] BuildPdf(string[][] pages)
    {
        const string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS def "
            + "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange "
            + "endcmap CMapName currentdict /CMap defineresource pop end end";
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(" ", pages.Select((_, i) => $"{7 + (2 * i)} 0 R"))}] /Count {pages.Length} >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>",
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
            $"<< /Length {cmap.Length} >>\nstream\n{cmap}\nendstream",
        };
        for (var p = 0; p < pages.Length; p++)
        {
            var content = new StringBuilder("BT /F1 10 Tf 12 TL 20 820 Td ");
            foreach (var line in pages[p])
            {
                content.Append('<');
                foreach (var c in line.Replace("\t", "    ", StringComparison.Ordinal))
                {
                    content.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }

                content.Append("> Tj T* ");
            }

            content.Append("ET");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {8 + (2 * p)} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
