using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// Builds apexcharts options as plain data (no JavaScript functions): a fresh object for new chart data, shared for the same.
/// </summary>
public static class ChartOptionsFactory
{
    private const string FontFamily = "Roboto, Helvetica, Arial, sans-serif";

    private static readonly ConditionalWeakTable<ChartData, ConcurrentDictionary<(ChartTheme Theme, int Height), object>> Shared = new();

    /// <summary>
    /// <see cref="Build"/>'s options, built once for each chart data and shared: the figures of a data version (and so
    /// their chart data) are shared by every open page, and so are these, until that version's figures are let go.
    /// </summary>
    public static object For(ChartData data, ChartTheme theme, int height = 320) =>
        Shared.GetValue(data, _ => new()).GetOrAdd((theme, height), key => Build(data, key.Theme, key.Height));

    public static object Build(ChartData data, ChartTheme theme, int height = 320)
    {
        var horizontal = data.Kind == ChartKind.HorizontalBar;
        var fileName = FileName(data.Title);
        return new
        {
            chart = new
            {
                type = data.Kind == ChartKind.Line ? "line" : "bar",
                height = horizontal ? Math.Max(height, 60 + 34 * data.Categories.Count) : height,
                fontFamily = FontFamily,
                foreColor = theme.TextColour,
                background = "transparent",
                animations = new { enabled = false },
                zoom = new { enabled = false },
                toolbar = new
                {
                    show = true,
                    tools = new { download = true, selection = false, zoom = false, zoomin = false, zoomout = false, pan = false, reset = false },
                    export = new { csv = new { filename = fileName }, svg = new { filename = fileName }, png = new { filename = fileName } },
                },
                accessibility = new { enabled = true, description = data.Title },
            },
            theme = new { mode = theme.IsDark ? "dark" : "light" },
            colors = theme.SeriesColours.Take(Math.Max(1, data.Series.Count)).ToArray(),
            series = data.Series.Select(s => new { name = s.Name, data = s.Values }).ToArray(),
            xaxis = new
            {
                categories = data.Categories,
                labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize }, hideOverlappingLabels = true, rotate = -45 },
                tickAmount = !horizontal && data.Categories.Count > 16 ? 12 : (int?)null,
            },
            yaxis = new { labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize }, maxWidth = horizontal ? theme.BarLabelWidth : 160 } },
            plotOptions = new { bar = new { horizontal, columnWidth = "70%", barHeight = "70%" } },
            stroke = new { width = data.Kind == ChartKind.Line ? 3 : 0, curve = "straight" },
            markers = new { size = data.Kind == ChartKind.Line && data.Categories.Count <= 24 ? 4 : 0 },
            dataLabels = new { enabled = false },
            grid = new { borderColor = theme.GridColour },
            legend = new { show = data.Series.Count > 1, position = "top", fontSize = theme.FontSize, labels = new { colors = theme.TextColour } },
            tooltip = new { theme = theme.IsDark ? "dark" : "light" },
            annotations = new { xaxis = MarkerAnnotations(data, theme) },
            noData = new { text = "No data for this period" },
            // On a phone: fewer quarter labels, and narrower names beside bars.
            responsive = new object[]
            {
                new
                {
                    breakpoint = 600,
                    options = horizontal
                        ? (object)new { yaxis = new { labels = new { maxWidth = 130, style = new { colors = theme.TextColour, fontSize = "11px" } } } }
                        : new { xaxis = new { tickAmount = Math.Min(8, Math.Max(1, data.Categories.Count - 1)) } },
                },
            },
        };
    }

    /// <summary>A small line without axes, for a table row. Its numbers are spelt out in the row's label.</summary>
    public static object Sparkline(IReadOnlyList<int?> values, ChartTheme theme, string description) => new
    {
        chart = new
        {
            type = "line",
            height = 36,
            width = 120,
            sparkline = new { enabled = true },
            animations = new { enabled = false },
            background = "transparent",
            accessibility = new { enabled = false, description },
        },
        colors = new[] { theme.SeriesColours[0] },
        series = new[] { new { name = description, data = values } },
        stroke = new { width = 2, curve = "straight" },
        tooltip = new { enabled = false },
    };

    private static object[] MarkerAnnotations(ChartData data, ChartTheme theme) =>
        data.MarkedCategory is null || !data.Categories.Contains(data.MarkedCategory)
            ? []
            :
            [
                new
                {
                    x = data.MarkedCategory,
                    borderColor = theme.MarkerColour,
                    strokeDashArray = 4,
                    label = new
                    {
                        text = data.MarkedLabel ?? data.MarkedCategory,
                        borderColor = theme.MarkerColour,
                        orientation = "horizontal",
                        // Left of the line and below the toolbar, so the latest quarter at the right edge never clips it.
                        textAnchor = "end",
                        offsetX = -4,
                        offsetY = 26,
                        style = new { color = theme.IsDark ? "#111418" : "#ffffff", background = theme.MarkerColour, fontSize = theme.FontSize },
                    },
                },
            ];

    private static string FileName(string title) =>
        new string(title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
}
