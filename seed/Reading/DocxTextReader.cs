using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SafetyDuty.Seed.Reading;

/// <summary>Reads a .docx body as text. Paragraphs become lines. A Word table is written the way Word-to-text
/// conversion writes it, which is how the plain-text seeds carry their tables: each cell starts a line with a tab, a
/// cell's further paragraphs follow as lines without a tab, and a blank line closes each row. So a table read from
/// .docx and the same table read from .txt give the same text, the same structure and the same spans. Word's automatic
/// numbering is written out as the labels Word draws (<see cref="DocxNumbering"/>), so a list numbered by Word reads
/// as the same list typed.</summary>
public static class DocxTextReader
{
    public static string Read(Stream stream, string fileName)
    {
        try
        {
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException(fileName, 0, 0, ".docx 中没有正文 (no document body)");
            var numbering = new DocxNumbering(document.MainDocumentPart);
            var lines = new List<string>();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        lines.Add(numbering.Label(paragraph) + ParagraphText(paragraph));
                        break;
                    case Table table:
                        AddTable(table, lines, numbering);
                        break;
                    default:
                        break;
                }
            }

            return string.Join('\n', lines);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new DocumentReadException(fileName, 0, 0, $".docx 文件已损坏或不完整 (corrupt or truncated .docx: {e.Message})", e);
        }
    }

    // Rows of one cell spanning the table before its first row of columns, or after its last, are the table's caption
    // (its title, 填表单位) and notes: written as the lines they would be above or below the table, not as cells.
    private static void AddTable(Table table, List<string> lines, DocxNumbering numbering)
    {
        var rows = table.Elements<TableRow>().ToList();
        var firstData = rows.FindIndex(r => r.Elements<TableCell>().Count() >= 2);
        var lastData = rows.FindLastIndex(r => r.Elements<TableCell>().Count() >= 2);
        var first = true;
        for (var r = 0; r < rows.Count; r++)
        {
            if (firstData >= 0 && (r < firstData || r > lastData))
            {
                if (r > lastData)
                {
                    lines.Add("");
                }

                lines.AddRange(rows[r].Elements<TableCell>().SelectMany(c => c.Elements<Paragraph>()).Select(p => numbering.Label(p) + ParagraphText(p)));
                continue;
            }

            if (!first)
            {
                lines.Add("");
            }

            first = false;
            foreach (var cell in rows[r].Elements<TableCell>())
            {
                var paragraphs = cell.Elements<Paragraph>().Select(p => numbering.Label(p) + ParagraphText(p)).ToList();
                if (paragraphs.Count == 0)
                {
                    paragraphs.Add("");
                }

                lines.Add("\t" + paragraphs[0]);
                lines.AddRange(paragraphs.Skip(1));
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }
}
