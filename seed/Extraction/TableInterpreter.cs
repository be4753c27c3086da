using System.Text.RegularExpressions;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Reads tables by their header: responsibility tables (领域 / 主责单位 / 配合单位 with "body：scope" lines),
/// classification tables (类别 / 具体部门 / 部门数量) and duty-split tables (序号 / 涉及部门 / 职责分工).</summary>
internal static partial class TableInterpreter
{
    public static void Read(OutlineInterpreter interpreter, TextTable table, string tableName, string? contextSectorText)
    {
        var dataStart = table.Rows.ToList().FindIndex(r => r.Cells.Count > 0 && Number().IsMatch(r.Cells[0].Text));
        if (dataStart < 0)
        {
            dataStart = Math.Min(1, table.Rows.Count);
        }

        var header = Header(table.Rows.Take(dataStart).ToList());
        var lead = header.FindIndex(h => LeadHeader().IsMatch(h));
        var assist = header.FindIndex(h => AssistHeader().IsMatch(h));
        var category = header.FindIndex(h => h.Contains("类别", StringComparison.Ordinal) || h.Contains("分类", StringComparison.Ordinal));
        var members = header.FindIndex(h => h.Contains("部门", StringComparison.Ordinal) || h.Contains("单位", StringComparison.Ordinal));
        var duty = header.FindIndex(h => h.Contains("职责", StringComparison.Ordinal) || h.Contains("分工", StringComparison.Ordinal) || h.Contains("任务", StringComparison.Ordinal));
        var count = header.FindIndex(h => h.Contains("数量", StringComparison.Ordinal));
        var numbered = header.Count > 0 && header[0].Contains("序号", StringComparison.Ordinal);
        var rows = table.Rows.Skip(dataStart).ToList();
        if (!rows.Exists(HasData))
        {
            // A template (填报表): headers and blank cells, perhaps numbered rows. A table with no rows, not noise.
            interpreter.Attribute(table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Lines));
            interpreter.Warn($"{tableName}：只有表头、没有数据行的空表（{string.Join("、", header.Where(h => h.Length > 0))}）(empty table: headers only)");
            return;
        }

        if (lead >= 0)
        {
            var sector = header.FindIndex(h => SectorHeader().IsMatch(h));
            sector = sector >= 0 ? sector : (numbered ? 1 : 0);
            foreach (var row in rows.Where(r => r.Cells.Count > Math.Max(lead, sector)))
            {
                Responsibility(interpreter, row, tableName, sector, (lead, header[lead]), (assist, assist >= 0 ? header[assist] : ""));
            }
        }
        else if (category >= 0 && members >= 0)
        {
            foreach (var row in rows.Where(r => r.Cells.Count > Math.Max(category, members)))
            {
                Classification(interpreter, row, category, members, duty, count);
            }
        }
        else if (members >= 0 && duty >= 0)
        {
            if (contextSectorText is not null)
            {
                // The heading above names what the table splits, not a body with duties of its own.
                interpreter.DropIfIdle(BodyNames.FromHeading(contextSectorText).Name);
            }

            foreach (var row in rows.Where(r => r.Cells.Count > Math.Max(members, duty)))
            {
                DutySplit(interpreter, row, tableName, numbered, members, duty, contextSectorText);
            }
        }
        else
        {
            return;
        }

        interpreter.Attribute(table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Lines));
    }

    // A row says something when a cell other than its number is filled.
    private static bool HasData(TableRow row) =>
        row.Cells.Select((c, i) => (c.Text, i)).Any(c => c.Text.Length > 0 && !(c.i == 0 && Number().IsMatch(c.Text)));

    // Header cells of several rows merge by column: a merged cell ("监管责任划分") leaves the row below to name its parts.
    private static List<string> Header(List<TableRow> headerRows)
    {
        if (headerRows.Count == 0)
        {
            return [];
        }

        var widest = headerRows.MaxBy(r => r.Cells.Count)!;
        var names = widest.Cells.Select(c => c.Text).ToList();
        foreach (var row in headerRows.Where(r => r != widest))
        {
            for (var i = 0; i < Math.Min(row.Cells.Count, names.Count); i++)
            {
                if (names[i].Length == 0)
                {
                    names[i] = row.Cells[i].Text;
                }
            }
        }

        return names;
    }

    private static void Responsibility(
        OutlineInterpreter interpreter, TableRow row, string tableName, int sector, (int Index, string Header) leadColumn, (int Index, string Header) assistColumn)
    {
        var (lead, assist) = (leadColumn.Index, assistColumn.Index);
        var number = row.Cells[0].Text;
        var locator = $"{tableName}（{number}）";
        var sectorCell = row.Cells[sector];
        var sectorText = sectorCell.Text;
        var leads = BodyNames.SplitList(row.Cells[lead].Text);
        if (leads.Count == 0)
        {
            return;
        }

        var roles = new List<StatedRole>();
        foreach (var name in leads)
        {
            roles.Add(new StatedRole(name, true, null, RoleBasisKind.TableColumn, $"{Clean(leadColumn.Header)}：{Clean(row.Cells[lead].Text)}"));
        }

        var owner = interpreter.Owner(OwnerKind.Body, leads[0]);
        var first = sectorCell.ContentLines.FirstOrDefault() ?? row.Cells[0].Lines[0];
        var last = row.Cells[lead].ContentLines.LastOrDefault() ?? first;
        var leadDuty = new DraftDuty(owner, BodyNames.Clean(sectorText), locator, first.ContentStart, last.ContentStart + last.Content.Length, false,
            [.. row.Cells[sector].Lines, .. row.Cells[lead].Lines])
        {
            StatedRoles = roles,
            SectorText = sectorText,
        };
        interpreter.AddDuty(leadDuty);

        if (assist < 0 || assist >= row.Cells.Count)
        {
            return;
        }

        foreach (var line in row.Cells[assist].ContentLines)
        {
            var colon = line.Content.IndexOfAny(['：', ':']);
            var bodies = colon >= 0 ? line.Content[..colon] : line.Content;
            var scope = colon >= 0 ? line.Content[(colon + 1)..].Trim() : null;
            foreach (var name in BodyNames.SplitList(bodies))
            {
                var assistOwner = interpreter.Owner(OwnerKind.Body, name);
                var text = BodyNames.Clean(scope is { Length: > 0 } ? scope : line.Content);
                interpreter.AddDuty(new DraftDuty(assistOwner, text, locator, line.ContentStart, line.ContentStart + line.Content.Length, false, [line])
                {
                    StatedRoles = [new StatedRole(name, false, scope, RoleBasisKind.TableColumn, $"{Clean(assistColumn.Header)}：{line.Content.Trim()}")],
                    SectorText = sectorText,
                });
            }
        }
    }

    private static void Classification(OutlineInterpreter interpreter, TableRow row, int category, int members, int duty, int count)
    {
        var name = row.Cells[category].Text.Replace("\n", "", StringComparison.Ordinal);
        if (name.Length == 0)
        {
            return;
        }

        var first = row.Cells[category].ContentLines.First();
        var group = interpreter.Owner(OwnerKind.Group, name, first.ContentStart, first.Content.Length);
        var names = BodyNames.SplitList(row.Cells[members].Text);
        group.MemberNames.AddRange(names.Where(n => !group.MemberNames.Contains(n)));
        if (count >= 0 && count < row.Cells.Count && int.TryParse(row.Cells[count].Text, out var stated) && stated != names.Count)
        {
            interpreter.Warn($"{name}：表中写明 {stated} 个部门，实际列出 {names.Count} 个 (count mismatch)");
        }

        if (duty >= 0 && duty < row.Cells.Count && row.Cells[duty].ContentLines.FirstOrDefault() is { } dutyLine)
        {
            interpreter.AddDuty(new DraftDuty(group, BodyNames.Clean(row.Cells[duty].Text), name, dutyLine.ContentStart,
                dutyLine.ContentStart + dutyLine.Content.Length, false, row.Cells[duty].Lines));
        }
    }

    private static void DutySplit(OutlineInterpreter interpreter, TableRow row, string tableName, bool numbered, int members, int duty, string? sectorText)
    {
        var locator = numbered ? $"{tableName}（{row.Cells[0].Text}）" : tableName;
        foreach (var name in BodyNames.SplitList(row.Cells[members].Text))
        {
            var text = row.Cells[duty].Text;
            var line = row.Cells[duty].ContentLines.FirstOrDefault();
            if (line is null)
            {
                continue;
            }

            var isLead = LeadCue().IsMatch(text) && !AssistCue().IsMatch(text[..Math.Min(text.Length, 4)]);
            var owner = interpreter.Owner(OwnerKind.Body, name);
            interpreter.AddDuty(new DraftDuty(owner, BodyNames.Clean(text), locator, line.ContentStart, line.ContentStart + line.Content.Length, false, row.Cells[duty].Lines)
            {
                // The row's own words say lead or assist (牵头负责…, 协助做好…): a verb, not a column.
                StatedRoles = sectorText is null ? [] : [new StatedRole(name, isLead || !AssistCue().IsMatch(text), null, RoleBasisKind.Verb, BodyNames.Clean(text))],
                SectorText = sectorText,
            });
        }
    }

    private static string Clean(string cell) => cell.Replace("\n", "、", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex Number();

    [GeneratedRegex(@"主责单位|牵头单位|责任单位|主责部门|牵头部门|责任部门")]
    private static partial Regex LeadHeader();

    [GeneratedRegex(@"配合单位|协助单位|配合部门")]
    private static partial Regex AssistHeader();

    [GeneratedRegex(@"领域|行业|业态|场所|事项|项目")]
    private static partial Regex SectorHeader();

    [GeneratedRegex(@"牵头|负责|主责")]
    private static partial Regex LeadCue();

    [GeneratedRegex(@"配合|协助|参与|支持|会同")]
    private static partial Regex AssistCue();
}
