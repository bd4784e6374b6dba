namespace CommunitySafety.Data.Import;

/// <summary>The names an import spells things with, and where its area ends.</summary>
internal sealed class ImportNames(
    AreaChoice areas, BeatMap? beatMap, IEnumerable<(string? Area, string Beat)> beats, IEnumerable<string> crimeTypes, IEnumerable<string> locationTypes,
    string? extractArea = null)
{
    /// <summary>The home area's name.</summary>
    public string Area { get; } = areas.Home;
    public AreaChoice Areas { get; } = areas;
    /// <summary>The area of a beat extract's rows without an Area column: null for the home area.</summary>
    public string? ExtractArea { get; } = extractArea is null || areas.IsHome(extractArea) ? null : extractArea.Trim();
    public BeatMap? BeatMap { get; } = beatMap;
    public BeatTable Beats { get; } = new(beats);

    /// <summary>Null for the home area, else the area's name as given.</summary>
    public string? AreaKey(string area) => Areas.IsHome(area) ? null : area.Trim();
    public NameTable CrimeTypes { get; } = new(crimeTypes);
    public NameTable LocationTypes { get; } = new(locationTypes);
}
