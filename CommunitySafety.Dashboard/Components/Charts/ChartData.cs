namespace CommunitySafety.Dashboard.Components.Charts;

public enum ChartKind { Line, Bar, HorizontalBar }

public sealed record ChartSeries(string Name, IReadOnlyList<int?> Values);

/// <summary>An extra column for the table view only, such as the change % beside two counts.</summary>
public sealed record ChartNote(string Heading, IReadOnlyList<string> Values);

/// <summary>
/// The numbers of one chart, from which both the chart's options and its table are made,
/// so the chart and "Show as table" can never disagree.
/// </summary>
public sealed record ChartData(
    string Title,
    ChartKind Kind,
    string CategoryHeading,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    /// <summary>A category to mark on the chart (the selected quarter), or null.</summary>
    public string? MarkedCategory { get; init; }

    public string? MarkedLabel { get; init; }

    public IReadOnlyList<ChartNote> Notes { get; init; } = [];

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null));
}
