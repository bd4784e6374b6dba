namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// Colours for charts in light or dark mode. Text and series colours keep at least 4.5:1 (text) and 3:1
/// (lines, bars) against the page's surface in both modes.
/// </summary>
public sealed record ChartTheme(bool IsDark, string TextColour, string GridColour, IReadOnlyList<string> SeriesColours, string MarkerColour)
{
    /// <summary>Axis, legend and marker text.</summary>
    public string FontSize { get; init; } = "12px";

    /// <summary>The most a bar's name may take beside it before it is cut short.</summary>
    public int BarLabelWidth { get; init; } = 260;

    public static readonly ChartTheme Light = new(
        IsDark: false,
        TextColour: "#1f2933",
        GridColour: "#d0d5dc",
        SeriesColours: ["#1f5fa8", "#b34700", "#6a3d9a", "#2e7d32", "#ad1457", "#00695c", "#5d4037", "#37474f", "#9e6a00", "#283593"],
        MarkerColour: "#3d4650");

    public static readonly ChartTheme Dark = new(
        IsDark: true,
        TextColour: "#e8eaed",
        GridColour: "#4a4f57",
        SeriesColours: ["#8ab8ff", "#ffab70", "#c9a7ff", "#81c784", "#f48fb1", "#4dd0c4", "#d7b19d", "#b0bec5", "#ffd54f", "#9fa8ff"],
        MarkerColour: "#c5cad1");

    /// <summary>Light, with text large enough to read from the back of a meeting room.</summary>
    public static readonly ChartTheme Projector = Light with { FontSize = "20px", BarLabelWidth = 380 };
}
