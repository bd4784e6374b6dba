namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// apexcharts options for a <see cref="RateChartData"/>, as plain data. Bars with whiskers are a horizontal range-bar
/// chart of two series side by side in each row: the rate (a bar from 0) and its 95% interval (a thin bar from the lower
/// to the upper limit); the reference (the group's rate) is a dashed line across them.
/// </summary>
public static class RateChartOptions
{
    public const string RateName = "Rate per 1,000 residents";
    public const string IntervalName = "95% interval";

    public static object Build(RateChartData data, ChartTheme theme, int height = 320) =>
        data.Kind == ChartKind.Line ? Lines(data, theme, height) : Bars(data, theme, height);

    private static object Bars(RateChartData data, ChartTheme theme, int height)
    {
        var rates = data.Series[0].Values;
        var rows = data.Categories.Select((category, i) => (category, rate: rates[i], interval: i < data.Intervals.Count ? data.Intervals[i] : null))
            .Where(r => r.rate is not null).ToList();
        return new
        {
            chart = Chart(data.Title, "rangeBar", Math.Max(height, 80 + 48 * rows.Count), theme),
            theme = new { mode = theme.IsDark ? "dark" : "light" },
            colors = new[] { theme.SeriesColours[0], theme.MarkerColour },
            series = new object[]
            {
                new { name = RateName, data = rows.Select(r => new { x = r.category, y = new[] { 0, r.rate!.Value } }).ToArray() },
                new
                {
                    name = IntervalName,
                    data = rows.Where(r => r.interval is not null).Select(r => new { x = r.category, y = new[] { r.interval!.Lower, r.interval.Upper } }).ToArray(),
                },
            },
            plotOptions = new { bar = new { horizontal = true, rangeBarOverlap = false, barHeight = "80%" } },
            xaxis = new { decimalsInFloat = 1, labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize } } },
            yaxis = new { labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize }, maxWidth = theme.BarLabelWidth } },
            dataLabels = new { enabled = false },
            grid = new { borderColor = theme.GridColour },
            legend = new { show = true, position = "top", fontSize = theme.FontSize, labels = new { colors = theme.TextColour } },
            tooltip = new { theme = theme.IsDark ? "dark" : "light" },
            annotations = new { xaxis = ReferenceLine(data, theme) },
        };
    }

    private static object Lines(RateChartData data, ChartTheme theme, int height) => new
    {
        chart = Chart(data.Title, "line", height, theme),
        theme = new { mode = theme.IsDark ? "dark" : "light" },
        colors = theme.SeriesColours.Take(Math.Max(1, data.Series.Count)).ToArray(),
        series = data.Series.Select(s => new { name = s.Name, data = s.Values }).ToArray(),
        xaxis = new
        {
            categories = data.Categories,
            labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize }, hideOverlappingLabels = true, rotate = -45 },
            tickAmount = data.Categories.Count > 16 ? 12 : (int?)null,
        },
        yaxis = new { decimalsInFloat = 2, labels = new { style = new { colors = theme.TextColour, fontSize = theme.FontSize } } },
        stroke = new { width = 3, curve = "straight" },
        markers = new { size = data.Categories.Count <= 24 ? 4 : 0 },
        dataLabels = new { enabled = false },
        grid = new { borderColor = theme.GridColour },
        legend = new { show = data.Series.Count > 1, position = "top", fontSize = theme.FontSize, labels = new { colors = theme.TextColour } },
        tooltip = new { theme = theme.IsDark ? "dark" : "light" },
        annotations = new
        {
            xaxis = data.MarkedCategory is null || !data.Categories.Contains(data.MarkedCategory)
                ? Array.Empty<object>()
                : [new { x = data.MarkedCategory, borderColor = theme.MarkerColour, strokeDashArray = 4 }],
        },
        noData = new { text = "No data for this period" },
    };

    private static object Chart(string title, string type, int height, ChartTheme theme) => new
    {
        type,
        height,
        fontFamily = "Roboto, Helvetica, Arial, sans-serif",
        foreColor = theme.TextColour,
        background = "transparent",
        animations = new { enabled = false },
        zoom = new { enabled = false },
        toolbar = new
        {
            show = true,
            tools = new { download = true, selection = false, zoom = false, zoomin = false, zoomout = false, pan = false, reset = false },
        },
        accessibility = new { enabled = true, description = title },
    };

    private static object[] ReferenceLine(RateChartData data, ChartTheme theme) =>
        data.Reference is not double value
            ? []
            :
            [
                new
                {
                    x = value,
                    borderColor = theme.MarkerColour,
                    strokeDashArray = 6,
                    borderWidth = 2,
                    label = new
                    {
                        text = $"{data.ReferenceLabel ?? "Reference"}: {RateChartData.Text(value)}",
                        borderColor = theme.MarkerColour,
                        orientation = "horizontal",
                        position = "top",
                        style = new { color = theme.IsDark ? "#111418" : "#ffffff", background = theme.MarkerColour, fontSize = theme.FontSize },
                    },
                },
            ];
}
