using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Structure;

/// <summary>A table as text: either as Word-to-text conversion writes it (each cell starts a line with a tab, a cell's
/// further lines follow without a tab, and a blank line ends a row), or as a spreadsheet or a copied table pastes it
/// (a row's cells on one line between tabs, a cell that wraps going on at the start of the next line).</summary>
public sealed record TextTable(int Index, IReadOnlyList<TableRow> Rows, SourceLine FirstLine, SourceLine LastLine);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A cell and the pieces of lines it is made of; <see cref="Text"/> joins the pieces with a line feed.</summary>
public sealed record TableCell(IReadOnlyList<Segment> Parts)
{
    public string Text => string.Join('\n', Parts.Select(p => p.Text).Where(t => t.Length > 0));

    public IEnumerable<SourceLine> Lines => Parts.Select(p => p.Line).Distinct();

    public IEnumerable<Segment> ContentParts => Parts.Where(p => p.Text.Length > 0);

    /// <summary>The cell's text as a reader reads it: a piece cut mid-sentence by the cell's width or a line break
    /// joins the next without a space (Chinese is written without them); after a sentence, a line feed.</summary>
    public string Wrapped
    {
        get
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in ContentParts)
            {
                if (text.Length > 0 && OutlineBuilder.EndsSentence(text.ToString()))
                {
                    text.Append('\n');
                }

                text.Append(part.Text);
            }

            return text.ToString();
        }
    }
}

public static partial class TextTableReader
{
    /// <summary>Finds the tables and marks their lines in <paramref name="inTable"/> (indexed by line position).</summary>
    public static IReadOnlyList<TextTable> Find(IReadOnlyList<SourceLine> lines, bool[] inTable)
    {
        var tables = new List<TextTable>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].IsTabLed)
            {
                i = ReadCellLines(lines, i, inTable, tables);
            }
            else if (IsDelimitedRow(lines[i]))
            {
                i = ReadDelimited(lines, i, inTable, tables);
            }
            else
            {
                i++;
            }
        }

        return tables;
    }

    // Word-to-text form: one cell per tab-led line.
    private static int ReadCellLines(IReadOnlyList<SourceLine> lines, int i, bool[] inTable, List<TextTable> tables)
    {
        var rows = new List<TableRow>();
        var cells = new List<List<Segment>>();
        var first = i;
        var last = i;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsTabLed)
            {
                cells.Add([Whole(line)]);
            }
            else if (!line.IsBlank && cells.Count > 0)
            {
                cells[^1].Add(Whole(line));
            }
            else if (line.IsBlank)
            {
                CloseRow(rows, cells);
                if (i + 1 >= lines.Count || !lines[i + 1].IsTabLed)
                {
                    break;
                }

                continue;
            }
            else
            {
                break;
            }

            last = i;
        }

        CloseRow(rows, cells);
        Add(tables, rows, lines, first, last, inTable);
        return i;
    }

    // Delimited form: a header line with its cells between tabs, then rows. A row starts with its number (序号) or,
    // once the row before has all its cells, with the next line that has a tab; any other line goes on with the cell
    // the line before ended in. A blank line ends the table unless a row follows it.
    private static int ReadDelimited(IReadOnlyList<SourceLine> lines, int i, bool[] inTable, List<TextTable> tables)
    {
        var rows = new List<TableRow>();
        var cells = new List<List<Segment>>();
        var first = i;
        var last = i;
        var width = Fields(lines[i]).Count;
        var numbered = RowNumber().IsMatch(lines[i].Content) || lines[i].Content.StartsWith("序号", StringComparison.Ordinal);
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.Content.Length == 0)
            {
                var next = i + 1;
                while (next < lines.Count && lines[next].Content.Length == 0)
                {
                    next++;
                }

                if (next >= lines.Count || !IsDelimitedRow(lines[next]) || line.IsTabLed)
                {
                    break;
                }

                CloseRow(rows, cells);
                i = next - 1;
                continue;
            }

            var fields = Fields(line);
            var startsRow = i == first
                || (numbered ? RowNumber().IsMatch(line.Content) : fields.Count > 1 && cells.Count >= width);
            if (!startsRow && fields.Count == 1 && StartsSection(line.Content))
            {
                break;
            }

            if (startsRow)
            {
                CloseRow(rows, cells);
                cells.AddRange(fields.Select(f => new List<Segment> { f }));
            }
            else
            {
                cells[^1].Add(fields[0]);
                cells.AddRange(fields.Skip(1).Select(f => new List<Segment> { f }));
            }

            last = i;
        }

        CloseRow(rows, cells);
        Add(tables, rows, lines, first, last, inTable);
        return Math.Max(i, last + 1);
    }

    /// <summary>A line that holds at least three cells between tabs (序号	责任事项	责任内容 …).</summary>
    private static bool IsDelimitedRow(SourceLine line) =>
        !line.IsTabLed && line.Content.AsSpan().Count('\t') >= 2;

    // The title of the next block ("（二、区住房和城乡建设局安全生产权责清单）", "二、…") is no cell's continuation.
    private static bool StartsSection(string content) =>
        Label.Parse(content) is { Scheme: NumberingScheme.Chapter or NumberingScheme.Article or NumberingScheme.ChineseComma }
        || BracketedSection().IsMatch(content);

    private static List<Segment> Fields(SourceLine line)
    {
        var fields = new List<Segment>();
        var content = line.Content;
        var at = 0;
        while (at <= content.Length)
        {
            var tab = content.IndexOf('\t', at);
            var end = tab < 0 ? content.Length : tab;
            var from = at;
            var to = end;
            while (from < to && SourceLine.IsSpace(content[from]))
            {
                from++;
            }

            while (to > from && SourceLine.IsSpace(content[to - 1]))
            {
                to--;
            }

            fields.Add(new Segment(line, line.ContentStart + from, content[from..to]));
            if (tab < 0)
            {
                break;
            }

            at = tab + 1;
        }

        return fields;
    }

    private static Segment Whole(SourceLine line) => new(line, line.ContentStart, line.Content);

    private static void Add(List<TextTable> tables, List<TableRow> rows, IReadOnlyList<SourceLine> lines, int first, int last, bool[] inTable)
    {
        for (var k = first; k <= last; k++)
        {
            inTable[k] = true;
        }

        if (rows.Count > 0)
        {
            tables.Add(new TextTable(tables.Count, rows, lines[first], lines[last]));
        }
    }

    private static void CloseRow(List<TableRow> rows, List<List<Segment>> cells)
    {
        if (cells.Count == 0)
        {
            return;
        }

        var row = new TableRow(cells.Select(c => new TableCell(c)).ToList());
        cells.Clear();
        if (row.Cells.Any(c => c.Text.Length > 0))
        {
            rows.Add(row);
        }
    }

    [GeneratedRegex(@"^\d{1,3}[\t ]*\t")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^[（(][零〇一二三四五六七八九十百]+[、，．.]")]
    private static partial Regex BracketedSection();
}
