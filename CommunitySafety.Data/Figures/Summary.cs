using System.Text.Json.Serialization;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

// The year-to-date summary, exactly as ../shared/spec/summary-contract.md names it.
// Serialised camelCase by both `summary --json` and GET /api/summary. Other programs read these names.

public sealed record MonthSpan(YearMonth From, YearMonth To);

/// <summary>A count this year to date against the same months a year earlier.</summary>
/// <remarks><see cref="Rate"/>: the current count per 1,000 residents, written only where there is a population.</remarks>
public sealed record Measure(int Current, int Previous, int Change, double? ChangePercent, double Z, Significance Significance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rate = null);

/// <summary>A crime type or location type, with its counts.</summary>
public sealed record NamedMeasure(string Name, int Current, int Previous, int Change, double? ChangePercent, double Z, Significance Significance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rate = null);

public sealed record BeatMeasures(string Name, Measure? Asb, Measure? Crime, Measure? Domestic);

public sealed record LocationTypeMeasures(
    IReadOnlyList<NamedMeasure> Asb,
    IReadOnlyList<NamedMeasure> Crime,
    IReadOnlyList<NamedMeasure> Domestic);

public sealed record Headlines(
    string? MostCommonCrimeType,
    string? LargestIncreaseCrimeType,
    string? TopCrimeBeat,
    IReadOnlyList<string>? TopAsbBeats,
    string? TopDomesticBeat,
    string? TopAsbLocationType,
    string? TopDomesticLocationType);

public sealed record Summary(
    string Area,
    string FinancialYear,
    int Quarter,
    MonthSpan Current,
    MonthSpan Previous,
    bool DataComplete,
    IReadOnlyList<YearMonth> MissingMonths,
    Measure? Asb,
    Measure? Crime,
    Measure? Domestic,
    IReadOnlyList<NamedMeasure> CrimeTypes,
    IReadOnlyList<BeatMeasures> Beats,
    LocationTypeMeasures LocationTypes,
    Headlines Headlines,
    IReadOnlyList<string> Narrative)
{
    /// <summary>The narrative as the council's report prints it, without the missing-months warning (pages show that themselves).</summary>
    [JsonIgnore]
    public NarrativeSections NarrativeSections { get; init; } = new([], []);
}

/// <summary>The narrative's ASB section, then its crime section (crime types, beats and domestic incidents).</summary>
public sealed record NarrativeSections(IReadOnlyList<string> Asb, IReadOnlyList<string> Crime);
