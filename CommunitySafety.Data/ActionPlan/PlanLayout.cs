using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// The council's Appendix A as the Word and Excel files lay it out: the title and year, the cross-cutting priorities,
/// then per priority its header rows (headline indicator, links to other plans, funding) and the table Objective /
/// Action / Success Measure / Lead / Funding, then the business as usual and the communication plan.
/// </summary>
public static partial class PlanLayout
{
    public const string FinancialYear = "Financial year";
    public const string CrossCutting = "Cross cutting priorities";
    public const string HeadlineIndicator = "Headline Indicator";
    public const string LinksToOtherPlans = "Links to other plans";
    public const string Funding = "Funding";
    public const string FocussingOn = "Focussing on:";
    public const string BusinessAsUsual = "Business as usual";
    public const string CommunicationPlan = "Community Safety Communication and Engagement Plan";
    public const string Bullet = "• ";
    public const string FocusBullet = "○ ";

    public static readonly IReadOnlyList<string> ActionHeadings = ["Objective", "Action", "Success Measure", "Lead", "Funding"];
    public static readonly IReadOnlyList<string> CommunicationHeadings = ["Description", "Audience", "Channels", "Owner", "Deadline"];

    /// <summary>
    /// The plan file itself travels inside the Word and Excel files (a custom XML part) so that what the table does not
    /// show (refs, measure links, amounts, the OPCC projects and their returns) comes back on import.
    /// </summary>
    public const string EmbeddedNamespace = "urn:community-safety-dashboard:action-plan";

    public static string RagHeading(int quarter) => $"RAG Q{quarter}";

    public static string ProgressHeading(int quarter) => $"Progress Q{quarter}";

    public static string PriorityLabel(PriorityDocument priority) => $"Priority {priority.Number} - {priority.Name}";

    /// <summary>The priority's cell: "People: description", then "Focussing on:" and its areas, then the focus note.</summary>
    public static IReadOnlyList<string> PriorityLines(PriorityDocument priority)
    {
        var lines = new List<string> { $"{priority.Name}: {priority.Description}" };
        if (priority.FocusAreas is { Count: > 0 } areas)
        {
            lines.Add(FocussingOn);
            lines.AddRange(areas.Select(a => FocusBullet + a));
        }
        if (!string.IsNullOrWhiteSpace(priority.FocusNote)) lines.Add(priority.FocusNote);
        return lines;
    }

    public static IReadOnlyList<string> MeasureLines(IReadOnlyList<string>? measures) => (measures ?? []).Select(m => Bullet + m).ToList();

    /// <summary>The progress cell: the note, then each measure's value.</summary>
    public static string ProgressText(ExportedProgress? progress) => progress is null
        ? ""
        : string.Join("\n", new[] { progress.Note }.Concat(progress.MeasureValues.Select(v => $"{v.Measure}: {v.Value}"))
            .Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>The plan's actions in file order, with where each is.</summary>
    public static IEnumerable<(ActionPosition Position, ObjectiveDocument Objective, ActionDocument Action)> Actions(PlanDocument plan) =>
        plan.Priorities.SelectMany(p => p.Objectives.SelectMany((o, oi) => o.Actions.Select((a, ai) => (new ActionPosition(p.Number, oi, ai), o, a))));

    public static string EmbeddedXml(PlanDocument plan)
    {
        var json = JsonSerializer.Serialize(plan, PlanDocument.JsonOptions);
        return new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("plan", EmbeddedNamespace), json).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    /// <summary>The plan file a Word or Excel file carries; null when it carries none or it cannot be read (the tables are used alone).</summary>
    public static PlanDocument? ReadEmbedded(string xml)
    {
        try
        {
            var element = System.Xml.Linq.XElement.Parse(xml);
            if (element.Name != System.Xml.Linq.XName.Get("plan", EmbeddedNamespace)) return null;
            return JsonSerializer.Deserialize<PlanDocument>(element.Value, PlanDocument.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The one amount a funding text names ("£1000 for room hire" is 1000); null when it names none or several.</summary>
    public static decimal? AmountIn(string? funding)
    {
        if (string.IsNullOrWhiteSpace(funding)) return null;
        var matches = Amount().Matches(funding);
        if (matches.Count != 1 || matches[0].Groups["k"].Success) return null;
        return decimal.Parse(matches[0].Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?<k>k\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}

/// <summary>One row of a plan file as text: where it is ("row 12", "table 2, row 5") and its cells, paragraphs joined by line breaks.</summary>
public sealed record GridRow(string Where, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";

    public IReadOnlyList<string> Lines(int index) =>
        Cell(index).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public bool RestBlank(int from) => Cells.Skip(from).All(string.IsNullOrWhiteSpace);
}
