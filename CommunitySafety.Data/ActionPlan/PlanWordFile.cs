using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The plan as a Word document laid out like the council's Appendix A, and its rows read back.</summary>
public static class PlanWordFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 landscape, half-inch margins: the width the tables share, in twentieths of a point.
    private const int PageWidth = 16838;
    private const int PageHeight = 11906;
    private const int Margin = 720;
    private const int TableWidth = PageWidth - 2 * Margin;

    public static byte[] Write(PlanExport export)
    {
        var plan = export.Plan;
        var progress = export.Progress;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line(plan.Title, bold: true, halfPoints: 32));
            body.Append(Line($"{PlanLayout.FinancialYear}: {plan.FinancialYear}"));
            if (progress is not null) body.Append(Line($"With each action's RAG and progress in Q{progress.Quarter} {plan.FinancialYear}."));

            body.Append(Line(PlanLayout.CrossCutting, bold: true, halfPoints: 28));
            foreach (var item in plan.CrossCuttingPriorities ?? []) body.Append(Line(PlanLayout.Bullet + item, bold: true));

            foreach (var priority in plan.Priorities)
            {
                body.Append(Line(""));
                body.Append(PriorityTable(priority, progress));
            }

            if (plan.BusinessAsUsual is { Count: > 0 } usual)
            {
                body.Append(Line(PlanLayout.BusinessAsUsual, bold: true, halfPoints: 28));
                foreach (var item in usual) body.Append(Line(item));
            }
            if (plan.CommunicationPlan is { Count: > 0 } communication)
            {
                body.Append(Line(PlanLayout.CommunicationPlan, bold: true, halfPoints: 28));
                var table = NewTable([3600, 2600, 3800, 2700, 2698]);
                table.Append(Row(PlanLayout.CommunicationHeadings.Select(h => Cell([h], bold: true)), header: true));
                foreach (var item in communication)
                    table.Append(Row([Cell([item.Description]), Cell([item.Audience ?? ""]), Cell([item.Channels ?? ""]), Cell([item.Owner ?? ""]), Cell([item.Deadline ?? ""])]));
                body.Append(table);
            }

            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = Margin, Footer = Margin }));
            main.Document = new Document(body);
            main.Document.Save();

            var embedded = main.AddCustomXmlPart(CustomXmlPartType.CustomXml);
            using var part = embedded.GetStream(FileMode.Create);
            using var writer = new StreamWriter(part, new System.Text.UTF8Encoding(false));
            writer.Write(PlanLayout.EmbeddedXml(plan));
        }
        return stream.ToArray();
    }

    private static Table PriorityTable(PriorityDocument priority, PlanProgress? progress)
    {
        int[] widths = progress is null ? [3000, 5000, 3600, 1900, 1898] : [2200, 3800, 2700, 1400, 1400, 1000, 2898];
        var span = widths.Length - 1;
        var table = NewTable(widths);
        table.Append(Row([Cell([$"Priority {priority.Number}"], bold: true), Cell(PlanLayout.PriorityLines(priority), span: span)]));
        table.Append(Row([Cell([PlanLayout.HeadlineIndicator], bold: true), Cell((priority.HeadlineIndicators ?? []).Select(i => i.Text).ToList(), span: span)]));
        table.Append(Row([Cell([PlanLayout.LinksToOtherPlans], bold: true), Cell([priority.LinksToOtherPlans ?? ""], span: span)]));
        table.Append(Row([Cell([PlanLayout.Funding], bold: true), Cell([priority.Funding ?? ""], span: span)]));

        var headings = PlanLayout.ActionHeadings.ToList();
        if (progress is not null) headings.AddRange([PlanLayout.RagHeading(progress.Quarter), PlanLayout.ProgressHeading(progress.Quarter)]);
        table.Append(Row(headings.Select(h => Cell([h], bold: true)), header: true));

        foreach (var (objective, o) in priority.Objectives.Select((x, i) => (x, i)))
        {
            if (objective.Actions.Count == 0) table.Append(Row(widths.Select((_, i) => i == 0 ? Cell(Lines(objective.Text), italic: true) : Cell([""]))));
            foreach (var (action, a) in objective.Actions.Select((x, i) => (x, i)))
            {
                var cells = new List<TableCell>
                {
                    Cell(a == 0 ? Lines(objective.Text) : [""], italic: true),
                    Cell(Lines(action.Text)),
                    Cell(PlanLayout.MeasureLines(action.SuccessMeasures)),
                    Cell([action.Lead ?? ""]),
                    Cell([action.Funding ?? ""]),
                };
                if (progress is not null)
                {
                    var status = progress.Actions.GetValueOrDefault(new ActionPosition(priority.Number, o, a));
                    cells.Add(Cell([status?.Rag ?? ""], bold: true));
                    cells.Add(Cell(Lines(PlanLayout.ProgressText(status))));
                }
                table.Append(Row(cells));
            }
        }
        return table;
    }

    /// <summary>
    /// The document's rows in order: each paragraph outside a table as a row of one cell, and each table row with its
    /// cells (a cell's paragraphs joined by line breaks); and the plan file the document carries, if any.
    /// </summary>
    public static (IReadOnlyList<GridRow> Rows, PlanDocument? Embedded) ReadRows(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The Word file has no document in it.");
        var rows = new List<GridRow>();
        var counts = new int[2];
        if (main.Document?.Body is { } body) Walk(body, rows, counts);

        PlanDocument? embedded = null;
        foreach (var part in main.CustomXmlParts)
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

    private static void Walk(OpenXmlElement parent, List<GridRow> rows, int[] counts)
    {
        foreach (var element in parent.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    counts[0]++;
                    rows.Add(new GridRow($"paragraph {counts[0]}", [TextOf(paragraph)]));
                    break;
                case Table table:
                    counts[1]++;
                    var r = 0;
                    foreach (var row in table.Elements<TableRow>())
                    {
                        r++;
                        rows.Add(new GridRow($"table {counts[1]}, row {r}",
                            row.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(TextOf))).ToList()));
                        if (rows.Count > PlanFileLimits.MaxRows) return;
                    }
                    break;
                case SectionProperties:
                    break;
                default:
                    Walk(element, rows, counts);
                    break;
            }
            if (rows.Count > PlanFileLimits.MaxRows) return;
        }
    }

    private static string TextOf(Paragraph paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case Break or CarriageReturn: text.Append('\n'); break;
                case TabChar: text.Append('\t'); break;
            }
        }
        return text.ToString();
    }

    private static IReadOnlyList<string> Lines(string text) => text.Split('\n');

    private static Table NewTable(int[] widths)
    {
        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        return new Table(
            new TableProperties(
                new TableWidth { Width = TableWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(border()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    private static TableRow Row(IEnumerable<TableCell> cells, bool header = false)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(IReadOnlyList<string> lines, bool bold = false, bool italic = false, int span = 1)
    {
        var cell = new TableCell();
        if (span > 1) cell.Append(new TableCellProperties(new GridSpan { Val = span }));
        foreach (var line in lines.Count == 0 ? [""] : lines.SelectMany(l => l.Split('\n'))) cell.Append(Line(line, bold, italic));
        return cell;
    }

    private static Paragraph Line(string text, bool bold = false, bool italic = false, int? halfPoints = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        if (halfPoints is { } size) properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
