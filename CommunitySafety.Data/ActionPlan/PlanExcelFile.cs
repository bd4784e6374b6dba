using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// The plan as one Excel sheet laid out as Appendix A's table, and its rows read back. Text is written as inline
/// strings, so no cell can run as a formula; Excel's own saves (shared strings) read back the same.
/// </summary>
public static class PlanExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(PlanExport export)
    {
        var plan = export.Plan;
        var progress = export.Progress;
        var rows = new List<(string[] Cells, uint Style)>
        {
            ([plan.Title], ReturnExport.HeadingStyle),
            ([PlanLayout.FinancialYear, plan.FinancialYear], ReturnExport.WrapStyle),
        };
        if (progress is not null) rows.Add(([$"With each action's RAG and progress in Q{progress.Quarter} {plan.FinancialYear}."], ReturnExport.WrapStyle));
        rows.Add(([], ReturnExport.WrapStyle));
        rows.Add(([PlanLayout.CrossCutting], ReturnExport.HeadingStyle));
        rows.AddRange((plan.CrossCuttingPriorities ?? []).Select(c => (new[] { PlanLayout.Bullet + c }, ReturnExport.WrapStyle)));

        foreach (var priority in plan.Priorities)
        {
            rows.Add(([], ReturnExport.WrapStyle));
            rows.Add(([$"Priority {priority.Number}", string.Join("\n", PlanLayout.PriorityLines(priority))], ReturnExport.HeadingStyle));
            rows.Add(([PlanLayout.HeadlineIndicator, string.Join("\n", (priority.HeadlineIndicators ?? []).Select(i => i.Text))], ReturnExport.WrapStyle));
            rows.Add(([PlanLayout.LinksToOtherPlans, priority.LinksToOtherPlans ?? ""], ReturnExport.WrapStyle));
            rows.Add(([PlanLayout.Funding, priority.Funding ?? ""], ReturnExport.WrapStyle));
            var headings = PlanLayout.ActionHeadings.ToList();
            if (progress is not null) headings.AddRange([PlanLayout.RagHeading(progress.Quarter), PlanLayout.ProgressHeading(progress.Quarter)]);
            rows.Add(([.. headings], ReturnExport.HeadingStyle));
            foreach (var (objective, o) in priority.Objectives.Select((x, i) => (x, i)))
            {
                if (objective.Actions.Count == 0) rows.Add(([objective.Text], ReturnExport.WrapStyle));
                foreach (var (action, a) in objective.Actions.Select((x, i) => (x, i)))
                {
                    var cells = new List<string>
                    {
                        a == 0 ? objective.Text : "", action.Text, string.Join("\n", PlanLayout.MeasureLines(action.SuccessMeasures)),
                        action.Lead ?? "", action.Funding ?? "",
                    };
                    if (progress is not null)
                    {
                        var status = progress.Actions.GetValueOrDefault(new ActionPosition(priority.Number, o, a));
                        cells.AddRange([status?.Rag ?? "", PlanLayout.ProgressText(status)]);
                    }
                    rows.Add(([.. cells], ReturnExport.WrapStyle));
                }
            }
        }

        if (plan.BusinessAsUsual is { Count: > 0 } usual)
        {
            rows.Add(([], ReturnExport.WrapStyle));
            rows.Add(([PlanLayout.BusinessAsUsual], ReturnExport.HeadingStyle));
            rows.AddRange(usual.Select(u => (new[] { u }, ReturnExport.WrapStyle)));
        }
        if (plan.CommunicationPlan is { Count: > 0 } communication)
        {
            rows.Add(([], ReturnExport.WrapStyle));
            rows.Add(([PlanLayout.CommunicationPlan], ReturnExport.HeadingStyle));
            rows.Add(([.. PlanLayout.CommunicationHeadings], ReturnExport.HeadingStyle));
            rows.AddRange(communication.Select(c => (new[] { c.Description, c.Audience ?? "", c.Channels ?? "", c.Owner ?? "", c.Deadline ?? "" }, ReturnExport.WrapStyle)));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = ReturnExport.Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            foreach (var (cells, style) in rows)
            {
                var row = new Row { RowIndex = rowIndex };
                for (var i = 0; i < cells.Length; i++)
                    if (cells[i].Length > 0) row.Append(ReturnExport.TextCell($"{ReturnExport.ColumnLetter(i)}{rowIndex}", cells[i], style));
                data.Append(row);
                rowIndex++;
            }
            double[] widths = [38, 60, 40, 20, 24, 12, 50];
            sheetPart.Worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = $"Action plan {plan.FinancialYear}" }));
            workbook.Workbook.Save();

            var embedded = workbook.AddCustomXmlPart(CustomXmlPartType.CustomXml);
            using var part = embedded.GetStream(FileMode.Create);
            using var writer = new StreamWriter(part, new System.Text.UTF8Encoding(false));
            writer.Write(PlanLayout.EmbeddedXml(plan));
        }
        return stream.ToArray();
    }

    /// <summary>The first sheet's rows (a row's cells by column, empty where there is none) and the plan file the workbook carries, if any.</summary>
    public static (IReadOnlyList<GridRow> Rows, PlanDocument? Embedded) ReadRows(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The Excel file has no workbook in it.");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                    ?? throw new InvalidDataException("The Excel file has no sheet in it.");
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheetPart)
            throw new InvalidDataException("The Excel file's first sheet is a chart or is missing; the plan must be on the first sheet.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];

        var rows = new List<GridRow>();
        uint next = 1;
        foreach (var row in sheetPart.Worksheet?.Descendants<Row>() ?? [])
        {
            var rowIndex = row.RowIndex?.Value ?? next;
            next = rowIndex + 1;
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column;
                if (column >= PlanFileLimits.MaxColumns) break;
                while (cells.Count <= column) cells.Add("");
                cells[column] = ValueOf(cell, shared).Replace("\r\n", "\n", StringComparison.Ordinal);
                column++;
            }
            rows.Add(new GridRow($"row {rowIndex}", cells));
            if (rows.Count > PlanFileLimits.MaxRows) break;
        }

        PlanDocument? embedded = null;
        foreach (var part in workbook.CustomXmlParts)
        {
            using var reader = new StreamReader(part.GetStream(FileMode.Open, FileAccess.Read));
            if (PlanLayout.ReadEmbedded(reader.ReadToEnd()) is { } plan)
            {
                embedded = plan;
                break;
            }
        }
        return (rows, embedded);
    }

    private static string ValueOf(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }

    /// <summary>The text of a string item, without the phonetic guides some Excel versions add.</summary>
    private static string TextOf(DocumentFormat.OpenXml.OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    /// <summary>0 for "A7", 2 for "C12", 26 for "AA3".</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), 1 << 20);
        return Math.Max(index - 1, 0);
    }
}
