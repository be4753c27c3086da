using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SafetyDuty.Seed.Reading;

/// <summary>Reads a .docx body as text. Paragraphs become lines. A Word table is written the way Word-to-text
/// conversion writes it, which is how the plain-text seeds carry their tables: each cell starts a line with a tab, a
/// cell's further paragraphs follow as lines without a tab, and a blank line closes each row. So a table read from
/// .docx and the same table read from .txt give the same text, the same structure and the same spans.</summary>
public static class DocxTextReader
{
    public static string Read(Stream stream, string fileName)
    {
        try
        {
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException(fileName, 0, 0, ".docx 中没有正文 (no document body)");
            var lines = new List<string>();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        lines.Add(ParagraphText(paragraph));
                        break;
                    case Table table:
                        AddTable(table, lines);
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

    private static void AddTable(Table table, List<string> lines)
    {
        var first = true;
        foreach (var row in table.Elements<TableRow>())
        {
            if (!first)
            {
                lines.Add("");
            }

            first = false;
            foreach (var cell in row.Elements<TableCell>())
            {
                var paragraphs = cell.Elements<Paragraph>().Select(ParagraphText).ToList();
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
