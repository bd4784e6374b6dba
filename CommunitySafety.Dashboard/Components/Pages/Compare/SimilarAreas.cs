using CommunitySafety.Data;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Pages.Compare;

/// <summary>One headline measure against similar areas: the comparison, and the line the overview, the meeting and the pack show.</summary>
public sealed record SimilarAreasLine(string MeasureKey, string MeasureLabel, Comparison Comparison)
{
    /// <summary>The areas whose rates make the group's: those of the group with a population.</summary>
    public IReadOnlyList<string> GroupWithPopulation =>
        Comparison.Group.Areas.Except(Comparison.Group.WithoutPopulation, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>"lower than similar areas", "similar to similar areas" or "higher than similar areas".</summary>
    public string VerdictWords => Comparison.Verdict switch
    {
        "higher" => "higher than similar areas",
        "lower" => "lower than similar areas",
        _ => "similar to similar areas",
    };

    /// <summary>"ASB: lower than similar areas (4.00 per 1,000 residents against 10.00 in Blaby and Melton)."</summary>
    public string Sentence =>
        $"{MeasureLabel}: {VerdictWords} ({RateChartText(Comparison.Area.Rate)} per 1,000 residents against {RateChartText(Comparison.Group.Rate)} in {Words.And(GroupWithPopulation)}).";

    private static string RateChartText(double? rate) => rate is double r ? Charts.RateChartData.Text(r) : "no rate";
}

/// <summary>The headline measures (ASB, crime, domestic) of an area against its group, where a population and a group are known.</summary>
public static class SimilarAreas
{
    private static readonly (string Key, string Label)[] Headline = [("asb", "ASB"), ("crime", "Total crime"), ("domestic", "Domestic incidents")];

    /// <summary>A line per headline measure with a verdict; none when the area has no population or its group none.</summary>
    public static async Task<IReadOnlyList<SimilarAreasLine>> LoadAsync(
        IFiguresService figures, string? area, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var lines = new List<SimilarAreasLine>();
        foreach (var (key, label) in Headline)
        {
            var comparison = await figures.GetComparisonAsync(new ComparisonRequest(period, key, area), cancellationToken);
            if (comparison.Verdict is null) continue; // no population here, or none in the group, or no data for the measure
            lines.Add(new SimilarAreasLine(key, label, comparison));
        }
        return lines;
    }
}
