using System.Globalization;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>A beat's measure set beside the district's: its share, and how its change compares.</summary>
public static class BeatComparison
{
    /// <summary>"18.2% of the district's ASB (148 of 812)", or null when there is nothing to share.</summary>
    public static string? Share(Measure? beat, Measure? district, string what)
    {
        if (beat is null || district is null || district.Current == 0) return null;
        var percent = 100.0 * beat.Current / district.Current;
        return $"{percent.ToString("0.0", CultureInfo.InvariantCulture)}% of the district's {what} " +
               $"({MeasureView.Count(beat.Current)} of {MeasureView.Count(district.Current)})";
    }

    /// <summary>"Harborough district: down 25.1%", for reading beside the beat's own change.</summary>
    public static string? District(string area, Measure? beat, Measure? district)
    {
        if (beat is null || district is null) return null;
        return $"{area} district: {MeasureView.Of(district).DirectionWords}";
    }
}
