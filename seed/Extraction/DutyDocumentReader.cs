using System.Security.Cryptography;
using System.Text;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Structure;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Extraction;

/// <summary>A document read into its graph, with the report on how well it went.</summary>
public sealed record DocumentReadResult(DocumentGraph Graph, QualityReport Report);

/// <summary>Reads a duty-list document (any supported file form) into the knowledge model with provenance on
/// everything. Stateless apart from the vocabularies; safe to share.</summary>
public sealed class DutyDocumentReader(Vocabularies vocabularies)
{
    private readonly DutyAnalyzer _analyzer = new(vocabularies);

    public DocumentReadResult Read(string path)
    {
        var text = DocumentSource.ReadText(path);
        return ReadText(text, Path.GetFileName(path));
    }

    public DocumentReadResult Read(Stream stream, string fileName)
    {
        var text = DocumentSource.ReadText(stream, fileName);
        return ReadText(text, Path.GetFileName(fileName));
    }

    /// <summary>Reads already normalised text (see <see cref="TextNormalizer"/>).</summary>
    public DocumentReadResult ReadText(string text, string fileName)
    {
        if (text.Trim().Length == 0)
        {
            throw new DocumentReadException(fileName, 0, 0, "文件没有文字内容 (no text)");
        }

        var lines = SourceLine.Split(text);
        var inTable = new bool[lines.Count];
        var tables = TextTableReader.Find(lines, inTable);
        var owners = Tables.Owners(tables, lines, inTable);
        var outline = OutlineBuilder.Build(lines, inTable);
        var firstStructure = Math.Min(outline.Children.FirstOrDefault(c => c.Label is not null)?.Line?.Number ?? lines.Count + 1,
            tables.Count > 0 ? tables[0].FirstLine.Number - (owners[0] is null ? 0 : 1) : lines.Count + 1);
        var metadata = DocumentMetadataReader.Read(lines, firstStructure, fileName);

        var interpreter = new OutlineInterpreter();
        interpreter.Interpret(outline);
        var headings = AllNodes(outline).Where(n => n.Line is not null).ToList();
        foreach (var table in tables)
        {
            var before = headings.LastOrDefault(n => n.Line!.Number < table.FirstLine.Number);
            Tables.Read(interpreter, table, lines, before, owners[table.Index]);
        }

        var assembler = new GraphAssembler(vocabularies, _analyzer, metadata, text, fileName, Hash(text));
        var graph = assembler.Assemble(interpreter);

        var attributed = new HashSet<int>(interpreter.AttributedLines);
        attributed.UnionWith(metadata.LineNumbers);
        var unattributed = lines.Where(l => l.Content.Length > 0 && !attributed.Contains(l.Number))
            .Select(l => new UnattributedLine(l.Number, l.Content)).ToList();
        var report = assembler.Report(graph, unattributed, interpreter.Warnings)
            .WithShapeWarnings(lines.Count(l => l.Content.Length > 0), graph);
        return new DocumentReadResult(graph, report);
    }

    private static IEnumerable<OutlineNode> AllNodes(OutlineNode node)
    {
        yield return node;
        foreach (var descendant in node.Children.SelectMany(AllNodes))
        {
            yield return descendant;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static class Tables
    {
        /// <summary>The bodies whose own duty tables these are, by the title line above each; a title read so is the
        /// table's, not a line of the outline.</summary>
        public static (string Name, SourceLine Title)?[] Owners(IReadOnlyList<TextTable> tables, IReadOnlyList<SourceLine> lines, bool[] inTable)
        {
            var owners = new (string, SourceLine)?[tables.Count];
            foreach (var table in tables)
            {
                var i = table.FirstLine.Number - 2;
                while (i >= 0 && lines[i].IsBlank && table.FirstLine.Number - i <= 3)
                {
                    i--;
                }

                var title = i >= 0 && !inTable[i] && !lines[i].IsBlank ? lines[i] : null;
                if (TableInterpreter.OwnDutyTableOwner(table, title) is { } name)
                {
                    owners[table.Index] = (name, title!);
                    inTable[i] = true;
                }
            }

            return owners;
        }

        public static void Read(OutlineInterpreter interpreter, TextTable table, IReadOnlyList<SourceLine> lines, OutlineNode? heading, (string Name, SourceLine Title)? owner)
        {
            if (owner is { } titled)
            {
                interpreter.Attribute([titled.Title]);
            }

            // The table's name is the annex label above it (附件1), else its position.
            var name = $"表{table.Index + 1}";
            for (var i = table.FirstLine.Number - 2; i >= Math.Max(0, table.FirstLine.Number - 6); i--)
            {
                var content = lines[i].Content.Replace(" ", "", StringComparison.Ordinal);
                if (content.StartsWith("附件", StringComparison.Ordinal) && content.Length <= 4)
                {
                    name = content;
                    break;
                }
            }

            TableInterpreter.Read(interpreter, table, name, heading?.LooksLikeHeading == true ? heading.HeadText : null, owner?.Name);
        }
    }
}
