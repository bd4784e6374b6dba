namespace CommunitySafety.Data.Figures;

// The comparison document of ../shared/spec/areas-and-rates.md ("JSON and command line"), written camelCase by both
// `compare --json` and GET /api/compare. Other programs read these names.

/// <summary>One area's figures for the measure: counts, change, population, rate and 95% interval (2 decimals), rank.</summary>
public sealed record ComparedArea(
    string Area, int? Current, int? Previous, double? ChangePercent, long? Population, double? Rate, double? Lower95, double? Upper95, int? Rank);

/// <summary>The group: its areas, its counts and population summed over the areas with a population, its rate; areas without one named.</summary>
public sealed record ComparedGroup(
    IReadOnlyList<string> Areas, int Current, int Previous, long? Population, double? Rate, IReadOnlyList<string> WithoutPopulation);

public sealed record Comparison(
    string FinancialYear,
    int Quarter,
    string Measure,
    ComparedArea Area,
    ComparedGroup Group,
    IReadOnlyList<ComparedArea> Areas,
    string? Verdict,
    bool DataComplete,
    IReadOnlyList<Model.YearMonth> MissingMonths);

/// <summary>What was asked: the measure (asb, crime, domestic or crime-type:NAME), the area (null: home) and the group (null: every other area).</summary>
public sealed record ComparisonRequest(FinancialQuarter Period, string Measure, string? Area = null, IReadOnlyList<string>? Group = null);

/// <summary>Why a comparison cannot be made, in a sentence.</summary>
public sealed class ComparisonProblem(string message) : Exception(message);

public static class ComparisonMaths
{
    /// <summary>The measure's counts in a summary: null when the summary has no data for it.</summary>
    public static (int Current, int Previous, double? ChangePercent)? CountsOf(Summary summary, string measure)
    {
        var m = measure.Trim();
        if (m.Equals("asb", StringComparison.OrdinalIgnoreCase)) return Of(summary.Asb);
        if (m.Equals("crime", StringComparison.OrdinalIgnoreCase)) return Of(summary.Crime);
        if (m.Equals("domestic", StringComparison.OrdinalIgnoreCase)) return Of(summary.Domestic);
        var type = m[(m.IndexOf(':') + 1)..].Trim();
        var named = summary.CrimeTypes.FirstOrDefault(t => string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));
        // A crime type an area did not have is a count of 0 in both years, when the area has crime data at all.
        return named is not null ? (named.Current, named.Previous, named.ChangePercent) : summary.Crime is null ? null : (0, 0, null);

        static (int, int, double?)? Of(Measure? x) => x is null ? null : (x.Current, x.Previous, x.ChangePercent);
    }

    public static bool IsMeasure(string measure)
    {
        var m = measure.Trim().ToLowerInvariant();
        return m is "asb" or "crime" or "domestic" || (m.StartsWith("crime-type:", StringComparison.Ordinal) && m.Length > "crime-type:".Length);
    }

    /// <summary>Builds the document from each area's counts and population, the area first.</summary>
    public static Comparison Build(
        ComparisonRequest request, string area, IReadOnlyList<(string Area, (int Current, int Previous, double? ChangePercent)? Counts, long? Population, Summary Summary)> all)
    {
        var rates = all.Select(a => a.Counts is { } c && a.Population is > 0 ? Rates.WithInterval(c.Current, a.Population.Value) : (RateWithInterval?)null).ToList();
        var ranks = Rates.Ranks(rates.Select(r => r?.Rate).ToList());
        var entries = all.Select((a, i) => new ComparedArea(
            a.Area, a.Counts?.Current, a.Counts?.Previous, a.Counts?.ChangePercent, a.Population,
            Rates.Round(rates[i]?.Rate), Rates.Round(rates[i]?.Lower95), Rates.Round(rates[i]?.Upper95), ranks[i])).ToList();

        var members = all.Skip(1).ToList();
        var withPopulation = members.Where(m => m.Counts is not null && m.Population is > 0).ToList();
        var groupRate = Rates.GroupRate(withPopulation.Select(m => (m.Counts!.Value.Current, m.Population)));
        var group = new ComparedGroup(
            members.Select(m => m.Area).ToList(),
            withPopulation.Sum(m => m.Counts!.Value.Current),
            withPopulation.Sum(m => m.Counts!.Value.Previous),
            withPopulation.Count == 0 ? null : withPopulation.Sum(m => m.Population!.Value),
            Rates.Round(groupRate),
            members.Where(m => m.Counts is null || m.Population is not > 0).Select(m => m.Area).ToList());

        var verdict = groupRate is double g && rates[0] is { } own ? Rates.VerdictOf(g, own).ToName() : null;
        var missing = all.SelectMany(a => a.Summary.MissingMonths).Distinct().Order().ToList();
        return new Comparison(
            request.Period.FinancialYear, request.Period.Quarter, request.Measure.Trim().ToLowerInvariant() is var m && m.StartsWith("crime-type:", StringComparison.Ordinal) ? request.Measure.Trim() : request.Measure.Trim().ToLowerInvariant(),
            entries[0], group, entries.Skip(1).ToList(), verdict,
            all.All(a => a.Summary.DataComplete), missing);
    }
}
