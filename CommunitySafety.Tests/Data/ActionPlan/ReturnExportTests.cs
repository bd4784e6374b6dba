using System.Text;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunitySafety.Tests.Data.ActionPlan;

public sealed class ReturnExportTests
{
    private static readonly ReturnRow Dangerous = new(
        "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "Plain text, with \"quotes\"", 2107m,
        "£200 radio", Rag.Amber, "=cmd|' /C calc'!A0");

    [Fact]
    public void Csv_has_the_eight_opcc_columns_and_quotes_formula_like_text()
    {
        var lines = Encoding.UTF8.GetString(ReturnExport.ToCsv([Dangerous])).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal(string.Join(",", OpccReturnLayout.Headings), lines[0]);
        Assert.Equal(
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",'+1+1,'-2+3,'@SUM(A1:A2)," +
            "\"Plain text, with \"\"quotes\"\"\",2107.00,Amber,\"'=cmd|' /C calc'!A0\nCost breakdown: £200 radio\"",
            lines[1]);
    }

    [Fact]
    public void Xlsx_keeps_text_as_inline_strings_and_the_cost_as_a_number_never_a_formula()
    {
        using var stream = new MemoryStream(ReturnExport.ToXlsx("2023-24", 2, [Dangerous]));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();

        Assert.Equal("2023-24 Q2", document.WorkbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);
        Assert.Equal(OpccReturnLayout.Headings, rows[1].Elements<Cell>().Select(c => c.InnerText));
        Assert.Empty(sheet.Descendants<CellFormula>());
        var cells = rows[3].Elements<Cell>().ToList();
        Assert.Equal(8, cells.Count);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Click\")", cells[0].InlineString!.InnerText);
        Assert.All(cells.Where((_, i) => i != 5), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Equal((CellValues.Number, "2107"), (cells[5].DataType!.Value, cells[5].CellValue!.Text));
        Assert.Equal("Amber", cells[6].InnerText);
    }

    [Fact]
    public async Task The_services_q2_export_lists_every_project_with_the_campaign_cost()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var file = (await database.Plans.ExportReturnAsync("2023-24", 2, ReturnFileFormat.Xlsx))!;
        Assert.Equal("opcc-return-2023-24-Q2.xlsx", file.FileName);

        using var document = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(3).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(("Campaigns", "2107"), (rows[0].Elements<Cell>().First().InnerText, rows[0].Elements<Cell>().ElementAt(5).CellValue!.Text));
        Assert.Null(await database.Plans.ExportReturnAsync("2023-24", 4, ReturnFileFormat.Csv));
    }
}
