using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SafetyDuty.Seed.Reading;

/// <summary>Reads a PDF's text layer: words grouped into lines by their baseline, pages separated by a blank line
/// (a page break inside an item is then the same blank-line break the structure reader already joins).</summary>
public static class PdfTextReader
{
    public static string Read(byte[] bytes, string fileName)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }

                AppendPage(page, text);
            }

            if (text.ToString().Trim().Length == 0)
            {
                throw new DocumentReadException(fileName, 0, 0, "PDF 没有文字层（可能是扫描件） (no text layer)");
            }

            return text.ToString();
        }
        catch (Exception e) when (e is not DocumentReadException)
        {
            throw new DocumentReadException(fileName, 0, 0, $"PDF 文件无法读取 (unreadable PDF: {e.Message})", e);
        }
    }

    private static void AppendPage(Page page, StringBuilder text)
    {
        var lines = page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3.0))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
        text.AppendJoin('\n', lines);
    }
}
