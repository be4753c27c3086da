namespace SafetyDuty.Seed.Structure;

/// <summary>A table as Word-to-text conversion writes it: each cell starts a line with a tab, a cell's further lines
/// follow without a tab, and a blank line ends a row.</summary>
public sealed record TextTable(int Index, IReadOnlyList<TableRow> Rows, SourceLine FirstLine, SourceLine LastLine);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A cell and its lines; <see cref="Text"/> joins the lines' contents with a line feed.</summary>
public sealed record TableCell(IReadOnlyList<SourceLine> Lines)
{
    public string Text => string.Join('\n', Lines.Select(l => l.Content).Where(c => c.Length > 0));

    public IEnumerable<SourceLine> ContentLines => Lines.Where(l => l.Content.Length > 0);
}

public static class TextTableReader
{
    /// <summary>Finds the tables and marks their lines in <paramref name="inTable"/> (indexed by line position).</summary>
    public static IReadOnlyList<TextTable> Find(IReadOnlyList<SourceLine> lines, bool[] inTable)
    {
        var tables = new List<TextTable>();
        var i = 0;
        while (i < lines.Count)
        {
            if (!lines[i].IsTabLed)
            {
                i++;
                continue;
            }

            var rows = new List<TableRow>();
            var cells = new List<List<SourceLine>>();
            var first = i;
            var last = i;
            for (; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.IsTabLed)
                {
                    cells.Add([line]);
                }
                else if (!line.IsBlank && cells.Count > 0)
                {
                    cells[^1].Add(line);
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
            for (var k = first; k <= last; k++)
            {
                inTable[k] = true;
            }

            if (rows.Count > 0)
            {
                tables.Add(new TextTable(tables.Count, rows, lines[first], lines[last]));
            }
        }

        return tables;
    }

    private static void CloseRow(List<TableRow> rows, List<List<SourceLine>> cells)
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
}
