using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// One aggregated count of the live data: how many records of one kind a beat had in a month.
/// CrimeType and LocationType are null where the source did not give them.
/// </summary>
public sealed record MonthlyFact(
    YearMonth Month,
    string Beat,
    Category Category,
    string? CrimeType,
    string? LocationType,
    bool Domestic,
    int Count);

/// <summary>
/// A month that has data, and whether that data can answer the domestic and location-type questions
/// (police.uk months carry neither, so those measures must show "no data" rather than zero).
/// </summary>
public sealed record MonthCoverage(YearMonth Month, bool HasDomestic, bool HasLocationType);
