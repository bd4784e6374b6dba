namespace CommunitySafety.Data.Figures;

/// <summary>
/// One quarter of an area's rate against its group's: that quarter's count per 1,000 residents (2 decimals), null where
/// the quarter has no data or the area no population.
/// </summary>
public sealed record ComparisonTrendPoint(string Period, string Label, double? AreaRate, double? GroupRate);

/// <summary>An area's rate of a measure against its group's, quarter by quarter.</summary>
public sealed record ComparisonTrend(string Area, IReadOnlyList<string> Group, string Measure, IReadOnlyList<ComparisonTrendPoint> Points);
