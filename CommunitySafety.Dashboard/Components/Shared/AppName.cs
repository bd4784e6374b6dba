namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// The district the dashboard serves (setting Area:Name), for titles and labels. Set once at start-up; the same
/// for every page and circuit of the process.
/// </summary>
public static class AppName
{
    public static string Area { get; private set; } = "Harborough";

    /// <summary>"Harborough Community Safety".</summary>
    public static string Title => $"{Area} Community Safety";

    public static void UseArea(string area) => Area = string.IsNullOrWhiteSpace(area) ? Area : area.Trim();
}
