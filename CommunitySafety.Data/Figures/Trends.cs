namespace CommunitySafety.Data.Figures;

public enum TrendGranularity
{
    Month,
    Quarter,
}

/// <summary>One point of a trend line. Count is null where the period has no data for the measure.</summary>
public sealed record TrendPoint(string Period, string Label, int? Count);

public sealed record TrendSeries(string Measure, string? Beat, TrendGranularity By, IReadOnlyList<TrendPoint> Points);
