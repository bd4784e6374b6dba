using System.Globalization;
using System.Text;
using CommunitySafety.Data.Model;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>One project's row of a quarter's return, in the OPCC's eight columns.</summary>
public sealed record ReturnRow(
    string Project,
    string? Rationale,
    string? ActivitiesToDate,
    string? SuccessMeasuresProposed,
    string? SuccessToDate,
    decimal? CostToDate,
    string? CostBreakdown,
    Rag? Rag,
    string? Notes)
{
    public static ReturnRow From(string project, QuarterlyReturn? row) => row is null
        ? new ReturnRow(project, null, null, null, null, null, null, null, null)
        : new ReturnRow(project, row.Rationale, row.ActivitiesToDate, row.SuccessMeasuresProposed, row.SuccessToDate,
            row.CostToDate, row.CostBreakdown, row.Rag, row.Notes);
}

/// <summary>The OPCC's quarterly return form: its eight numbered columns and the guidance under each.</summary>
public static class OpccReturnLayout
{
    public static readonly IReadOnlyList<string> Headings =
    [
        "1) What is the project or initiative?",
        "2) Explain why this project/work was proposed (rationale)",
        "3) What work or activities have been carried out to date?",
        "4) What were the success measures proposed?",
        "5) What are the success measures to date?",
        "6) What has been the cost to date for the project?",
        "7) RAG",
        "8) Additional notes",
    ];

    public static readonly IReadOnlyList<string> Guidance =
    [
        "Please outline the name of what this project is called or referred to in your proposal form.",
        "Please explain why this project was proposed - This can be copied/pasted from your proposal form.",
        "Please outline what actual work or activities have been done to date",
        "What success measures did you propose for this project? (This can be copied/pasted from your proposal form)",
        "How is this project doing against the success measures that were proposed? What has been achieved so far against these?",
        "Please specify how much exactly has been spent on the project to date. This is a running total for on-going projects that is updated between each quarterly return.",
        "Please RAG accordingly: Red = Not significantly achieved, Amber = Partially achieved, Green = Achieved",
        "",
    ];

    /// <summary>"2023 Q2 (July - Sept)", as the OPCC heads each quarter's table.</summary>
    public static string QuarterTitle(string financialYear, int quarter)
    {
        var startYear = int.Parse(financialYear[..4], CultureInfo.InvariantCulture);
        return quarter switch
        {
            1 => $"{startYear} Q1 (April - June)",
            2 => $"{startYear} Q2 (July - Sept)",
            3 => $"{startYear} Q3 (Oct - Dec)",
            _ => $"{startYear} Q4 (Jan - Mar)",
        };
    }

    /// <summary>
    /// The row's eight cells as text. The cost is column 6's amount; its breakdown, which the form has no
    /// column of its own for, goes at the end of the notes so that column 6 stays a number.
    /// </summary>
    public static string[] Cells(ReturnRow row)
    {
        var notes = string.Join("\n", new[] { row.Notes, row.CostBreakdown is null ? null : $"Cost breakdown: {row.CostBreakdown}" }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return
        [
            row.Project, row.Rationale ?? "", row.ActivitiesToDate ?? "", row.SuccessMeasuresProposed ?? "", row.SuccessToDate ?? "",
            row.CostToDate?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", RagWords.CellWord(row.Rag), notes,
        ];
    }
}

/// <summary>A quarter's return as files to send to the OPCC. No cell is ever a formula, whatever its text.</summary>
public static class ReturnExport
{
    private const int CostColumn = 5;

    /// <summary>RFC 4180 CSV with the eight headings; text that looks like a formula starts with a single quote.</summary>
    public static byte[] ToCsv(IEnumerable<ReturnRow> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, OpccReturnLayout.Headings);
        foreach (var row in rows)
        {
            var cells = OpccReturnLayout.Cells(row);
            AppendLine(csv, cells.Select((cell, i) => i == CostColumn ? cell : CsvCells.Neutralise(cell)));
        }
        // A byte-order mark so Excel opens the pound signs and dashes as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(CsvCells.Quote));
        csv.Append("\r\n");
    }

    /// <summary>
    /// A workbook with one sheet: the quarter's title, the eight headings, the guidance, then a row per project.
    /// Text is written as inline strings and the cost as a number, so no cell can run as a formula.
    /// </summary>
    public static byte[] ToXlsx(string financialYear, int quarter, IEnumerable<ReturnRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            data.Append(TextRow(rowIndex++, [$"OPCC quarterly return {financialYear}: {OpccReturnLayout.QuarterTitle(financialYear, quarter)}"], HeadingStyle));
            data.Append(TextRow(rowIndex++, OpccReturnLayout.Headings, HeadingStyle));
            data.Append(TextRow(rowIndex++, OpccReturnLayout.Guidance, WrapStyle));
            foreach (var row in rows)
            {
                var cells = OpccReturnLayout.Cells(row);
                var sheetRow = new Row { RowIndex = rowIndex };
                for (var i = 0; i < cells.Length; i++)
                {
                    var reference = $"{ColumnLetter(i)}{rowIndex}";
                    sheetRow.Append(i == CostColumn && row.CostToDate is { } cost
                        ? new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.Number,
                            CellValue = new CellValue(cost.ToString("0.##", CultureInfo.InvariantCulture)),
                            StyleIndex = MoneyStyle,
                        }
                        : TextCell(reference, cells[i], WrapStyle));
                }
                data.Append(sheetRow);
                rowIndex++;
            }
            sheetPart.Worksheet = new Worksheet(
                new Columns(Enumerable.Range(1, 8).Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = i is 1 or 6 or 7 ? 18 : 45, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = $"{financialYear} Q{quarter}",
            }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    internal const uint WrapStyle = 1;
    internal const uint HeadingStyle = 2;
    internal const uint MoneyStyle = 3;
    private const uint PoundsFormatId = 164;

    internal static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = PoundsFormatId, FormatCode = "\"£\"#,##0.00" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = PoundsFormatId, ApplyNumberFormat = true, ApplyAlignment = true })
        { Count = 4 });

    private static Row TextRow(uint rowIndex, IReadOnlyList<string> texts, uint style)
    {
        var row = new Row { RowIndex = rowIndex };
        for (var i = 0; i < texts.Count; i++) row.Append(TextCell($"{ColumnLetter(i)}{rowIndex}", texts[i], style));
        return row;
    }

    // An inline string is text by its type: Excel shows "=1+1" as those characters and never evaluates it.
    internal static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    internal static string ColumnLetter(int index) => ((char)('A' + index)).ToString();
}
