using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// A linked measure's figures for a period: the year-to-date count against last year's (null where the data
/// cannot answer it), and the count of each of the last quarters for a small trend (null where not available).
/// </summary>
public sealed record LinkedFigure(MeasureLink Link, string Label, Measure? Measure, TrendSeries? Trend)
{
    /// <summary>A partnership measure's value in the period's quarter, when one was recorded (its Measure compares it with the same quarter a year before).</summary>
    public int? Recorded { get; init; }

    public bool IsPartnership => Link.Kind == MeasureKind.Partnership;

    /// <summary>Risen by more than normal variation: a rise the test calls real or possible.</summary>
    public bool GettingWorse => Measure is { Change: > 0, Significance: Significance.Real or Significance.Possible };
}

/// <summary>Names a link for people and finds its figures in a period's summaries.</summary>
public static class LinkedFigures
{
    /// <summary>"ASB", "Crime", "Domestic incidents", "Drug Offences", "ASB at Open Space", each with " in Harborough Town" for a beat.</summary>
    public static string Label(MeasureLink link)
    {
        var what = link.Kind switch
        {
            MeasureKind.Asb => "ASB",
            MeasureKind.Crime => "All crime",
            MeasureKind.Domestic => "Domestic incidents",
            MeasureKind.CrimeType => link.Name ?? "A crime type",
            MeasureKind.LocationType => $"{OfWords(link.Of)} at {link.Name} locations",
            MeasureKind.Partnership => link.Name ?? "A partnership measure",
            _ => link.Kind.ToString(),
        };
        return link.Beat is null ? what : $"{what} in {link.Beat}";
    }

    private static string OfWords(MeasureKind? of) => of switch
    {
        MeasureKind.Crime => "Crime",
        MeasureKind.Domestic => "Domestic incidents",
        _ => "ASB",
    };

    /// <summary>The measure a trend can be asked for ("asb", a crime type); null for location types, which have no trend.</summary>
    public static string? TrendMeasure(MeasureLink link) => link.Kind switch
    {
        MeasureKind.Asb => "asb",
        MeasureKind.Crime => "crime",
        MeasureKind.Domestic => "domestic",
        MeasureKind.CrimeType => link.Name,
        _ => null,
    };

    /// <summary>One text per link, to choose it by in a list and to tell two links apart.</summary>
    public static string Key(MeasureLink link) => $"{link.Kind}|{link.Of}|{link.Name}|{link.Beat}";

    /// <summary>The same figure: kind, name, whose locations and beat, names in any case.</summary>
    public static bool Same(MeasureLink a, MeasureLink b) => string.Equals(Key(a), Key(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The link's year-to-date figure in a summary of its area (the district's, or its beat's).</summary>
    public static Measure? Find(MeasureLink link, Summary summary) => link.Kind switch
    {
        MeasureKind.Asb => summary.Asb,
        MeasureKind.Crime => summary.Crime,
        MeasureKind.Domestic => summary.Domestic,
        MeasureKind.CrimeType => Named(summary.CrimeTypes, link.Name),
        MeasureKind.LocationType => Named(
            link.Of switch
            {
                MeasureKind.Crime => summary.LocationTypes.Crime,
                MeasureKind.Domestic => summary.LocationTypes.Domestic,
                _ => summary.LocationTypes.Asb,
            },
            link.Name),
        _ => null,
    };

    private static Measure? Named(IReadOnlyList<NamedMeasure> measures, string? name) =>
        measures.FirstOrDefault(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } m
            ? new Measure(m.Current, m.Previous, m.Change, m.ChangePercent, m.Z, m.Significance)
            : null;
}
