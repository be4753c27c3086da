using System.Text.RegularExpressions;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Reads tables by their header: responsibility tables (领域 / 主责单位 / 配合单位 with "body：scope" lines),
/// classification tables (类别 / 具体部门 / 部门数量), duty-split tables (序号 / 涉及部门 / 职责分工) and one body's
/// own duty tables, the 权责清单 (序号 / 责任事项 / 责任内容 / 责任依据 / 追责情形 under a title naming the body).</summary>
internal static partial class TableInterpreter
{
    /// <summary>The body whose own duties a table lists, named by the title line above it
    /// ("（一、区应急管理局安全生产权责清单）", "二、县交通运输局安全生产责任清单"); null when the table is of another
    /// kind or the line names no body.</summary>
    public static string? OwnDutyTableOwner(TextTable table, SourceLine? title)
    {
        if (title is null)
        {
            return null;
        }

        var columns = Columns.Of(Header(table.Rows.Take(DataStart(table)).ToList()));
        if (!columns.ListsOwnDuties)
        {
            return null;
        }

        var text = title.Content;
        if (text.Length > 2 && text[0] is '（' or '(' && text[^1] is '）' or ')')
        {
            text = text[1..^1];
        }

        text = text[(Label.Parse(text)?.Length ?? 0)..];
        text = ListSuffix().Replace(text, "");
        var name = BodyNames.FromHeading(text).Name;
        return name.Length >= 2 && name.Length <= 30 && BodyNames.HasBodySuffix(name) && !BodyNames.IsGenericSet(name) ? name : null;
    }

    /// <summary>The columns of a table, found by the words of their header.</summary>
    private sealed record Columns(int Name, int Content, int Basis, int Accountability, int Lead, int Members)
    {
        public static Columns Of(List<string> header) => new(
            header.FindIndex(h => DutyNameHeader().IsMatch(h)),
            header.FindIndex(h => DutyContentHeader().IsMatch(h) && !DutyNameHeader().IsMatch(h)),
            header.FindIndex(h => h.Contains("依据", StringComparison.Ordinal)),
            header.FindIndex(h => AccountabilityHeader().IsMatch(h)),
            header.FindIndex(h => LeadHeader().IsMatch(h)),
            header.FindIndex(h => h.Contains("部门", StringComparison.Ordinal) || h.Contains("单位", StringComparison.Ordinal)));

        /// <summary>Duties and nothing naming who holds them: the body is the one the title names.</summary>
        public bool ListsOwnDuties => (Name >= 0 || Content >= 0) && Lead < 0 && Members < 0;

        /// <summary>The column a duty's text is read from: what the duty says, else its name.</summary>
        public int Text => Content >= 0 ? Content : Name;
    }

    private static int DataStart(TextTable table)
    {
        var dataStart = table.Rows.ToList().FindIndex(r => r.Cells.Count > 0 && Number().IsMatch(r.Cells[0].Text));
        return dataStart < 0 ? Math.Min(1, table.Rows.Count) : dataStart;
    }

    public static void Read(OutlineInterpreter interpreter, TextTable table, string tableName, string? contextSectorText, string? owner = null)
    {
        var dataStart = DataStart(table);
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

        var columns = Columns.Of(header);
        if (owner is not null && columns.ListsOwnDuties)
        {
            var body = interpreter.Owner(OwnerKind.Body, owner, table.FirstLine.ContentStart, 0, tableName);
            foreach (var row in rows.Where(r => r.Cells.Count > columns.Text))
            {
                OwnDuty(interpreter, body, row, tableName, numbered, columns);
            }
        }
        else if (lead >= 0)
        {
            var sector = header.FindIndex(h => SectorHeader().IsMatch(h));
            sector = sector >= 0 ? sector : (numbered ? 1 : 0);
            foreach (var row in rows.Where(r => r.Cells.Count > Math.Max(lead, sector)))
            {
                Responsibility(interpreter, row, tableName, sector, (lead, header[lead]), (assist, assist >= 0 ? header[assist] : ""), columns);
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
        // A header cell wrapped over two lines ("法律\n依据") is one name.
        var names = widest.Cells.Select(c => c.Text.Replace("\n", "", StringComparison.Ordinal)).ToList();
        foreach (var row in headerRows.Where(r => r != widest))
        {
            for (var i = 0; i < Math.Min(row.Cells.Count, names.Count); i++)
            {
                if (names[i].Length == 0)
                {
                    names[i] = row.Cells[i].Text.Replace("\n", "", StringComparison.Ordinal);
                }
            }
        }

        return names;
    }

    private static void Responsibility(
        OutlineInterpreter interpreter, TableRow row, string tableName, int sector, (int Index, string Header) leadColumn, (int Index, string Header) assistColumn,
        Columns columns)
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
        var first = sectorCell.ContentParts.FirstOrDefault() ?? row.Cells[0].Parts[0];
        var last = row.Cells[lead].ContentParts.LastOrDefault() ?? first;
        var leadDuty = new DraftDuty(owner, BodyNames.Clean(sectorText), locator, first.Start, last.End, false,
            [.. row.Cells[sector].Lines, .. row.Cells[lead].Lines])
        {
            StatedRoles = roles,
            SectorText = sectorText,
        };
        // A 主要职责 column says what the lead must do there: that is the lead's duty, the sector cell its subject.
        if (columns.Content >= 0 && columns.Content != sector && columns.Content < row.Cells.Count && row.Cells[columns.Content].ContentParts.Any())
        {
            var content = row.Cells[columns.Content];
            leadDuty = leadDuty with
            {
                Text = BodyNames.Clean(content.Wrapped),
                Start = content.ContentParts.First().Start,
                End = content.ContentParts.Last().End,
                Lines = [.. leadDuty.Lines, .. content.Lines],
            };
        }

        leadDuty = leadDuty with
        {
            Basis = columns.Basis >= 0 && columns.Basis < row.Cells.Count ? row.Cells[columns.Basis].ContentParts.ToList() : [],
        };
        var assists = assist >= 0 && assist < row.Cells.Count ? row.Cells[assist].ContentParts.ToList() : [];
        // "区商务局、区应急管理局" with no "：scope" after it names who assists and nothing they must do: a role stated
        // on the lead's duty, not a duty of their own.
        var unscoped = assists.Where(p => p.Text.IndexOfAny(['：', ':']) < 0).ToList();
        roles.AddRange(unscoped.SelectMany(p => BodyNames.SplitList(p.Text).Select(name =>
            new StatedRole(name, false, null, RoleBasisKind.TableColumn, $"{Clean(assistColumn.Header)}：{p.Text.Trim()}"))));
        interpreter.AddDuty(leadDuty);
        foreach (var part in assists.Except(unscoped))
        {
            var colon = part.Text.IndexOfAny(['：', ':']);
            var bodies = part.Text[..colon];
            var scope = part.Text[(colon + 1)..].Trim();
            foreach (var name in BodyNames.SplitList(bodies))
            {
                var assistOwner = interpreter.Owner(OwnerKind.Body, name);
                var text = BodyNames.Clean(scope is { Length: > 0 } ? scope : part.Text);
                interpreter.AddDuty(new DraftDuty(assistOwner, text, locator, part.Start, part.End, false, [part.Line])
                {
                    StatedRoles = [new StatedRole(name, false, scope, RoleBasisKind.TableColumn, $"{Clean(assistColumn.Header)}：{part.Text.Trim()}")],
                    SectorText = sectorText,
                });
            }
        }
    }

    // One row of a 权责清单: the body's duty, citing the laws of its 依据 cell; 追责情形 says when the body is held to
    // account for it, which is no duty of its own.
    private static void OwnDuty(OutlineInterpreter interpreter, DraftOwner owner, TableRow row, string tableName, bool numbered, Columns columns)
    {
        var cell = row.Cells[columns.Text];
        var text = BodyNames.Clean(cell.Wrapped);
        if (text.Length == 0)
        {
            return;
        }

        var locator = numbered ? $"{tableName}（{row.Cells[0].Text}）" : tableName;
        var basis = columns.Basis >= 0 && columns.Basis < row.Cells.Count ? row.Cells[columns.Basis].ContentParts.ToList() : [];
        var accountability = columns.Accountability >= 0 && columns.Accountability < row.Cells.Count ? row.Cells[columns.Accountability].Wrapped : "";
        interpreter.AddDuty(new DraftDuty(owner, text, locator, cell.ContentParts.First().Start, cell.ContentParts.Last().End, false,
            row.Cells.SelectMany(c => c.Lines).Distinct().ToList())
        {
            Basis = basis,
            Accountability = accountability.Length > 0 ? accountability : null,
        });
    }

    private static void Classification(OutlineInterpreter interpreter, TableRow row, int category, int members, int duty, int count)
    {
        var name = row.Cells[category].Text.Replace("\n", "", StringComparison.Ordinal);
        if (name.Length == 0)
        {
            return;
        }

        var first = row.Cells[category].ContentParts.First();
        var group = interpreter.Owner(OwnerKind.Group, name, first.Start, first.Text.Length);
        var names = BodyNames.SplitList(row.Cells[members].Text);
        group.MemberNames.AddRange(names.Where(n => !group.MemberNames.Contains(n)));
        if (count >= 0 && count < row.Cells.Count && int.TryParse(row.Cells[count].Text, out var stated) && stated != names.Count)
        {
            interpreter.Warn($"{name}：表中写明 {stated} 个部门，实际列出 {names.Count} 个 (count mismatch)");
        }

        if (duty >= 0 && duty < row.Cells.Count && row.Cells[duty].ContentParts.FirstOrDefault() is { } dutyPart)
        {
            interpreter.AddDuty(new DraftDuty(group, BodyNames.Clean(row.Cells[duty].Text), name, dutyPart.Start,
                dutyPart.End, false, row.Cells[duty].Lines.ToList()));
        }
    }

    private static void DutySplit(OutlineInterpreter interpreter, TableRow row, string tableName, bool numbered, int members, int duty, string? sectorText)
    {
        var locator = numbered ? $"{tableName}（{row.Cells[0].Text}）" : tableName;
        foreach (var name in BodyNames.SplitList(row.Cells[members].Text))
        {
            var text = row.Cells[duty].Text;
            var part = row.Cells[duty].ContentParts.FirstOrDefault();
            if (part is null)
            {
                continue;
            }

            var isLead = LeadCue().IsMatch(text) && !AssistCue().IsMatch(text[..Math.Min(text.Length, 4)]);
            var owner = interpreter.Owner(OwnerKind.Body, name);
            interpreter.AddDuty(new DraftDuty(owner, BodyNames.Clean(text), locator, part.Start, part.End, false, row.Cells[duty].Lines.ToList())
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

    [GeneratedRegex(@"牵头|主责|责任单位|责任部门")]
    private static partial Regex LeadHeader();

    [GeneratedRegex(@"配合|协助")]
    private static partial Regex AssistHeader();

    [GeneratedRegex(@"^(责任|职责)?事项(名称)?$|^事项|^职责名称$")]
    private static partial Regex DutyNameHeader();

    [GeneratedRegex(@"职责|责任内容|工作内容|任务")]
    private static partial Regex DutyContentHeader();

    [GeneratedRegex(@"追责|问责|责任追究")]
    private static partial Regex AccountabilityHeader();

    // "…安全生产权责清单", "…安全生产责任清单", "…职责清单": the title of one body's list.
    [GeneratedRegex(@"(的)?(安全生产)?(工作)?(监管)?(权责|责任|职责)(清单|事项)(表)?$")]
    private static partial Regex ListSuffix();

    [GeneratedRegex(@"领域|行业|业态|场所|事项|项目")]
    private static partial Regex SectorHeader();

    [GeneratedRegex(@"牵头|负责|主责")]
    private static partial Regex LeadCue();

    [GeneratedRegex(@"配合|协助|参与|支持|会同")]
    private static partial Regex AssistCue();
}
