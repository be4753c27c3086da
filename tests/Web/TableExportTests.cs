using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafetyDuty.Api.Web;

namespace SafetyDuty.Tests.Web;

public sealed class TableExportTests
{
    [Fact]
    public void Writes_a_workbook_whose_cells_read_back_as_the_table()
    {
        var table = new ExportTable("对比_昆山市_洛阳市", ["行业领域", "昆山市"], [["燃气", "牵头：市住房和城乡建设局"], ["餐饮", null]]);

        var rows = Read(TableExport.Write(table));

        Assert.Equal([["行业领域", "昆山市"], ["燃气", "牵头：市住房和城乡建设局"], ["餐饮", ""]], rows);
    }

    [Fact]
    public void Keeps_a_cell_that_looks_like_a_formula_as_text()
    {
        var bytes = TableExport.Write(new ExportTable("t", ["a"], [["=HYPERLINK(\"x\")"]]));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        Assert.Equal("=HYPERLINK(\"x\")", cells[1].InlineString!.InnerText);
    }

    [Fact]
    public void Replaces_control_characters_that_XML_cannot_hold_and_shortens_a_long_sheet_name()
    {
        var bytes = TableExport.Write(new ExportTable("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三:[x]", ["列"], [["第一\f第二"]]));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var sheet = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single();
        Assert.True(sheet.Name!.Value!.Length <= 31);
        Assert.Equal("第一 第二", Read(bytes)[1][0]);
    }

    private static List<List<string>> Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? "").ToList())
            .ToList();
    }
}
