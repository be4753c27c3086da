using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.Features;

namespace SafetyDuty.Api.Web;

/// <summary>A table the page shows, as the page sends it for export.</summary>
public sealed record ExportTable(string? Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Writes a page table as an .xlsx workbook. Done on the server with DocumentFormat.OpenXml rather than with a
/// large browser library: the page stays small and the workbook is written by the same code the tests read it with.</summary>
public static partial class TableExport
{
    // Bounds what one request may make the server build; the page's largest table (compare, all sectors) is far below.
    public const int MaxRows = 20_000;
    public const int MaxColumns = 64;
    public const int MaxCellLength = 32_767; // Excel's own limit for one cell.
    private const long MaxBodyBytes = 8 * 1024 * 1024;

    public static async Task<IResult> WriteXlsxAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bodySize = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = MaxBodyBytes;
        }

        ExportTable? table;
        try
        {
            table = await JsonSerializer.DeserializeAsync<ExportTable>(
                request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return Results.Problem("导出的表格过大或请求无效（table too large or bad request）", statusCode: e.StatusCode);
        }
        catch (JsonException e)
        {
            return Results.Problem($"无法读取要导出的表格（invalid JSON）：{e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (table?.Columns is null || table.Rows is null)
        {
            return Results.Problem("缺少 columns 或 rows（columns and rows are required）", statusCode: StatusCodes.Status400BadRequest);
        }

        if (table.Rows.Count > MaxRows || table.Columns.Count > MaxColumns || table.Rows.Any(r => r is null || r.Count > MaxColumns))
        {
            return Results.Problem($"表格超出导出上限（at most {MaxRows} rows × {MaxColumns} columns）", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var bytes = Write(table);
        var name = SafeFileName(table.Title) + ".xlsx";
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, table.Columns));
            uint index = 2;
            foreach (var row in table.Rows)
            {
                data.Append(Row(index++, row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = SheetName(table.Title),
            });
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    // Inline strings, never formulas: a cell that starts with "=" stays text, so an exported duty cannot run in Excel.
    private static Row Row(uint index, IEnumerable<string?> values)
    {
        var row = new Row { RowIndex = index };
        foreach (var value in values)
        {
            var text = StripControl(value ?? "");
            if (text.Length > MaxCellLength)
            {
                text = text[..MaxCellLength];
            }

            row.Append(new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    // XML 1.0 forbids most control characters; a document's stray form feed must not break the workbook.
    private static string StripControl(string text) => ControlCharacters().Replace(text, " ");

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string? title)
    {
        var name = SheetNameForbidden().Replace(string.IsNullOrWhiteSpace(title) ? "表格" : title.Trim(), " ");
        return name.Length > 31 ? name[..31] : name;
    }

    private static string SafeFileName(string? title)
    {
        var name = FileNameForbidden().Replace(string.IsNullOrWhiteSpace(title) ? "表格" : title.Trim(), "_");
        return name.Length > 80 ? name[..80] : name;
    }

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"[:\\/?*\[\]]")]
    private static partial Regex SheetNameForbidden();

    [GeneratedRegex(@"[\x00-\x1F""*/:<>?\\|]")]
    private static partial Regex FileNameForbidden();
}
