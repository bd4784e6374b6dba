using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>A population figure as stored: an LSOA's (placed in its area and beat), a beat's or an area's; Area null is the home area.</summary>
public sealed record PopulationFigure(int? Year, PopulationLevel Level, string? Area, string? Beat, int Population);

/// <summary>
/// The populations of areas and beats for a financial year (areas-and-rates.md, "Population"). An area's population is
/// the sum of its LSOAs, else of its beats, else its Area row. For a financial year, each area uses its latest estimate
/// whose year is at most the year the financial year starts in, or, earlier than every estimate, its earliest; figures
/// without a year are used for every year (when an area has figures with a year, those are used).
/// </summary>
public sealed class PopulationTable(IReadOnlyList<PopulationFigure> figures)
{
    public static readonly PopulationTable Empty = new([]);

    public bool IsEmpty => figures.Count == 0;

    private static bool SameArea(string? a, string? b) =>
        a is null ? b is null : b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The estimate's year used for the area in the financial year starting in <paramref name="startYear"/>; null when undated or none.</summary>
    public int? YearFor(string? area, int startYear)
    {
        var years = figures.Where(f => SameArea(f.Area, area) && f.Year is not null).Select(f => f.Year!.Value).Distinct().ToList();
        if (years.Count == 0) return null;
        var atMost = years.Where(y => y <= startYear).ToList();
        return atMost.Count > 0 ? atMost.Max() : years.Min();
    }

    private List<PopulationFigure> Chosen(string? area, int startYear)
    {
        var year = YearFor(area, startYear);
        return figures.Where(f => SameArea(f.Area, area) && f.Year == year).ToList();
    }

    /// <summary>The area's population (null: the home area); null when there is none.</summary>
    public long? OfArea(string? area, int startYear)
    {
        var chosen = Chosen(area, startYear);
        foreach (var level in new[] { PopulationLevel.Lsoa, PopulationLevel.Beat, PopulationLevel.Area })
        {
            var atLevel = chosen.Where(f => f.Level == level).ToList();
            if (atLevel.Count > 0) return atLevel.Sum(f => (long)f.Population);
        }
        return null;
    }

    /// <summary>A beat's population: the sum of its LSOAs, else its Beat row; null when there is none.</summary>
    public long? OfBeat(string? area, string beat, int startYear)
    {
        var chosen = Chosen(area, startYear).Where(f => f.Beat is not null && string.Equals(f.Beat, beat.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var lsoas = chosen.Where(f => f.Level == PopulationLevel.Lsoa).ToList();
        if (lsoas.Count > 0) return lsoas.Sum(f => (long)f.Population);
        var beats = chosen.Where(f => f.Level == PopulationLevel.Beat).ToList();
        return beats.Count > 0 ? beats.Sum(f => (long)f.Population) : null;
    }
}
