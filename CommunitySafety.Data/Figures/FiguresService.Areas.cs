using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

// The figures of any area kept (areas-and-rates.md, "Areas"), for pages that show one area at a time, and the trend of an
// area's rate against its group's.
public sealed partial class FiguresService
{
    public async Task<DataOverview?> GetAreaOverviewAsync(string? area, CancellationToken cancellationToken = default) =>
        await AreaLiveAsync(area, cancellationToken) is { } live ? live.Overview : null;

    public async Task<TrendSeries?> GetAreaTrendAsync(
        string? area, string measure, string? beat, TrendGranularity by, YearMonth? from = null, YearMonth? to = null,
        CancellationToken cancellationToken = default)
    {
        // From the version's trend counts, not a pass over every fact: the beats page asks once per beat.
        if (await AreaLiveAsync(area, cancellationToken) is not { } live) return null;
        if (live.MeasureNamed(measure) is not { } figure) return null;
        if (live.Coverage.Count == 0 && from is null) return new TrendSeries(measure, beat, by, []);
        return TrendCalculator.Build(live.Trends, live.CoverageMap, figure, beat, beat is null ? null : live.BeatNamed(beat), by,
            from ?? live.Coverage.Min(c => c.Month), to ?? live.Coverage.Max(c => c.Month));
    }

    public async Task<IReadOnlyList<NamedMeasure>> GetAreaCrimeTypeLocationTypesAsync(
        string? area, FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default)
    {
        if (await AreaLiveAsync(area, cancellationToken) is not { } live) return [];
        // The year to date's facts are all the location types are counted from.
        var facts = live.FactsIn(new YearToDate(period).AllMonths, null).Where(f =>
                f.Category == Category.Crime
                && Names.Same(f.CrimeType, crimeType.Trim())
                && (beat is null || Names.Same(f.Beat, beat)))
            .ToList();
        return SummaryCalculator.Calculate(period, facts, live.Coverage, Options).LocationTypes.Crime;
    }

    public async Task<ComparisonTrend> GetComparisonTrendAsync(
        ComparisonRequest request, FinancialQuarter first, FinancialQuarter last, CancellationToken cancellationToken = default)
    {
        // The comparison itself checks the measure, the area and the group, and says what is wrong in a sentence.
        var comparison = await GetComparisonAsync(request, cancellationToken);
        var name = request.Measure.Trim();
        var measureName = name.StartsWith("crime-type:", StringComparison.OrdinalIgnoreCase) ? name[(name.IndexOf(':') + 1)..].Trim() : name;

        var series = new List<(IReadOnlyList<int?> Counts, string? Key)>();
        var quarters = new List<FinancialQuarter>();
        for (var q = first; q.CompareTo(last) <= 0; q = q.NextQuarter) quarters.Add(q);
        PopulationTable populations = PopulationTable.Empty;
        foreach (var area in new[] { comparison.Area.Area }.Concat(comparison.Group.Areas))
        {
            var live = (await AreaLiveAsync(area, cancellationToken))!;
            populations = live.Populations;
            // A crime type the area has no fact of counts nothing in each month with data.
            var totals = live.MeasureNamed(measureName) is { } measure
                ? new MonthlyTotals(live.Trends.Totals(null, measure), measure, live.CoverageMap)
                : new MonthlyTotals(new Dictionary<YearMonth, int>(), FigureMeasure.CrimeType(measureName), live.CoverageMap);
            series.Add((quarters.Select(totals.CountQuarter).ToList(), Names.Same(area, settings.Area) ? null : area));
        }

        var points = quarters.Select((quarter, i) =>
        {
            var (ownCounts, ownKey) = series[0];
            var ownRate = ownCounts[i] is int own ? Rates.PerThousand(own, populations.OfArea(ownKey, quarter.StartYear)) : null;
            var group = series.Skip(1).Select(s => (Count: s.Counts[i], Population: populations.OfArea(s.Key, quarter.StartYear)))
                .Where(s => s.Count is not null).Select(s => (s.Count!.Value, s.Population));
            return new ComparisonTrendPoint($"{quarter.FinancialYear} Q{quarter.Quarter}", quarter.ToString(),
                Rates.Round(ownRate), Rates.Round(Rates.GroupRate(group)));
        }).ToList();
        return new ComparisonTrend(comparison.Area.Area, comparison.Group.Areas, comparison.Measure, points);
    }

    /// <summary>The live data of the area named (null: the home area); null when no such area is held.</summary>
    private async Task<LiveData?> AreaLiveAsync(string? area, CancellationToken cancellationToken)
    {
        if (area is null) return await LoadAsync(cancellationToken);
        return await IdOfAsync(area, cancellationToken) is int id ? await LoadAsync(cancellationToken, id) : null;
    }
}
