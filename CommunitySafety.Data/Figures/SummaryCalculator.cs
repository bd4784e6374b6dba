using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>Builds the year-to-date summary of ../shared/spec/summary-contract.md from in-memory facts.</summary>
public static class SummaryCalculator
{
    public static Summary Calculate(
        FinancialQuarter period,
        IReadOnlyCollection<MonthlyFact> facts,
        IReadOnlyCollection<MonthCoverage> coverage,
        FiguresOptions options)
    {
        CheckQuarter(period);
        var ytd = new YearToDate(period);
        var coverageMap = new CoverageMap(coverage);
        var periodFacts = facts.Where(f => ytd.Contains(f.Month)).ToList();
        var compare = new YtdComparer(ytd, coverageMap);

        var asbMeasure = compare.Measure(periodFacts, FigureMeasure.Asb);
        var crime = compare.Measure(periodFacts, FigureMeasure.Crime);
        var domestic = compare.Measure(periodFacts, FigureMeasure.Domestic);
        var crimeTypes = compare.Named(periodFacts, FigureMeasure.Crime, f => f.CrimeType);
        var beats = Beats(periodFacts, compare);
        return Summarise(period, asbMeasure, crime, domestic, crimeTypes, beats, periodFacts,
            new MonthlyTotals(facts, FigureMeasure.Asb, coverageMap), coverageMap, options);
    }

    /// <summary>
    /// The summary from counts already made month by month (the live data's trend counts, its names pooled so that each
    /// is one instance and they compare ordinally), not from passes over the facts: the same figures as counting the facts.
    /// </summary>
    /// <param name="periodFacts">The facts of the year to date and of the same months a year earlier, and no others (for the location types).</param>
    /// <param name="beat">The beat the summary is of, spelt as the data spells it; null for the whole area.</param>
    /// <param name="beats">Every beat with any fact in either period (for a beat's summary, that beat or none).</param>
    /// <param name="crimeTypes">Every crime type of the data, whether or not it has a fact in either period.</param>
    internal static Summary Calculate(
        FinancialQuarter period,
        IReadOnlyList<MonthlyFact> periodFacts,
        TrendIndex trends,
        string? beat,
        IEnumerable<string> beats,
        IEnumerable<string> crimeTypes,
        CoverageMap coverageMap,
        FiguresOptions options)
    {
        CheckQuarter(period);
        var ytd = new YearToDate(period);
        var compare = new YtdComparer(ytd, coverageMap);
        var months = ytd.AllMonths.ToList();

        Measure? Of(string? scope, FigureMeasure measure) => compare.Measure(trends.Totals(scope, measure), measure);
        var namedTypes = crimeTypes
            .Select(FigureMeasure.CrimeType)
            .Select(type => (Name: type.Name, Totals: trends.Totals(beat, type)))
            .Where(type => months.Any(type.Totals.ContainsKey))
            .Select(type => (type.Name, Measure: compare.Measure(type.Totals, FigureMeasure.Crime)))
            .Where(named => named.Measure is not null)
            .Select(named => named.Measure!.Named(named.Name))
            .OrderByCount(m => m.Current, m => m.Name)
            .ToList();
        var beatMeasures = beats
            .Select(b => new BeatMeasures(b, Of(b, FigureMeasure.Asb), Of(b, FigureMeasure.Crime), Of(b, FigureMeasure.Domestic)))
            .OrderByCount(b => b.Crime?.Current ?? 0, b => b.Name)
            .ToList();
        return Summarise(period, Of(beat, FigureMeasure.Asb), Of(beat, FigureMeasure.Crime), Of(beat, FigureMeasure.Domestic), namedTypes,
            beatMeasures, periodFacts, new MonthlyTotals(trends.Totals(beat, FigureMeasure.Asb), FigureMeasure.Asb, coverageMap), coverageMap, options);
    }

    private static Summary Summarise(
        FinancialQuarter period,
        Measure? asbMeasure,
        Measure? crime,
        Measure? domestic,
        IReadOnlyList<NamedMeasure> crimeTypes,
        IReadOnlyList<BeatMeasures> beats,
        IReadOnlyList<MonthlyFact> periodFacts,
        MonthlyTotals asb,
        CoverageMap coverageMap,
        FiguresOptions options)
    {
        var ytd = new YearToDate(period);
        var compare = new YtdComparer(ytd, coverageMap);
        var missingMonths = ytd.AllMonths.Where(m => !coverageMap.HasData(m)).ToList();
        var locationTypes = new LocationTypeMeasures(
            compare.Named(periodFacts, FigureMeasure.Asb.ByLocationType(), f => f.LocationType),
            compare.Named(periodFacts, FigureMeasure.Crime.ByLocationType(), f => f.LocationType),
            compare.Named(periodFacts, FigureMeasure.Domestic.ByLocationType(), f => f.LocationType));

        var summary = new Summary(
            options.Area,
            period.FinancialYear,
            period.Quarter,
            new MonthSpan(ytd.CurrentFrom, ytd.CurrentTo),
            new MonthSpan(ytd.PreviousFrom, ytd.PreviousTo),
            DataComplete: missingMonths.Count == 0,
            missingMonths,
            asbMeasure,
            crime,
            domestic,
            crimeTypes,
            beats,
            locationTypes,
            Headlines(crimeTypes, beats, locationTypes, options),
            Narrative: []);

        return SummaryNarrative.Write(summary, AsbQuarterHistory.Find(asb, period), options);
    }

    private static void CheckQuarter(FinancialQuarter period)
    {
        if (period.Quarter is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(period), period.Quarter, "A financial year has quarters 1 to 4.");
    }

    /// <summary>Every beat with any fact in either period, most crime first.</summary>
    private static IReadOnlyList<BeatMeasures> Beats(IEnumerable<MonthlyFact> periodFacts, YtdComparer compare) =>
        periodFacts
            .GroupBy(f => f.Beat, Names.Comparer)
            .Select(beat => new BeatMeasures(
                beat.Key,
                compare.Measure(beat, FigureMeasure.Asb),
                compare.Measure(beat, FigureMeasure.Crime),
                compare.Measure(beat, FigureMeasure.Domestic)))
            .OrderByCount(b => b.Crime?.Current ?? 0, b => b.Name)
            .ToList();

    private static Headlines Headlines(
        IReadOnlyList<NamedMeasure> crimeTypes,
        IReadOnlyList<BeatMeasures> beats,
        LocationTypeMeasures locationTypes,
        FiguresOptions options)
    {
        var topAsbBeats = beats.TopNames(b => b.Asb?.Current ?? 0, b => b.Name, 2);
        return new Headlines(
            MostCommonCrimeType: TopName(crimeTypes),
            LargestIncreaseCrimeType: LargestIncrease(crimeTypes, options.LargestIncreaseThreshold)?.Name,
            TopCrimeBeat: beats.TopNames(b => b.Crime?.Current ?? 0, b => b.Name, 1).FirstOrDefault(),
            TopAsbBeats: topAsbBeats.Count == 0 ? null : topAsbBeats,
            TopDomesticBeat: beats.TopNames(b => b.Domestic?.Current ?? 0, b => b.Name, 1).FirstOrDefault(),
            TopAsbLocationType: TopName(locationTypes.Asb),
            TopDomesticLocationType: TopName(locationTypes.Domestic));
    }

    private static string? TopName(IEnumerable<NamedMeasure> measures) =>
        measures.TopNames(m => m.Current, m => m.Name, 1).FirstOrDefault();

    /// <summary>
    /// The highest changePercent among crime types with at least <paramref name="threshold"/> in the previous
    /// year to date; ties to the larger current count, then the name. Taken literally, so when every type
    /// fell it names the one that fell least.
    /// </summary>
    internal static NamedMeasure? LargestIncrease(IEnumerable<NamedMeasure> crimeTypes, int threshold) =>
        crimeTypes
            .Where(t => t.Previous >= threshold && t.ChangePercent is not null)
            .OrderByDescending(t => t.ChangePercent)
            .ThenByDescending(t => t.Current)
            .ThenBy(t => t.Name, Names.Comparer)
            .FirstOrDefault();

    /// <summary>Compares the current year to date with the previous one, for any measure and slice of the facts.</summary>
    private sealed class YtdComparer(YearToDate ytd, CoverageMap coverage)
    {
        /// <summary>
        /// Null when no month of either period can answer the measure (no data is not zero), and when some month
        /// that has data cannot (a police.uk month has no domestic flag): counting around it would compare a partial
        /// period without saying so. Months with no data at all are named in missingMonths instead.
        /// </summary>
        public Measure? Measure(IEnumerable<MonthlyFact> facts, FigureMeasure measure) =>
            Answered(measure) ? Compare(new MonthlyTotals(facts, measure, coverage)) : null;

        /// <summary>The same, from the measure's counts month by month.</summary>
        public Measure? Measure(IReadOnlyDictionary<YearMonth, int> counts, FigureMeasure measure) =>
            Answered(measure) ? Compare(new MonthlyTotals(counts, measure, coverage)) : null;

        private bool Answered(FigureMeasure measure) =>
            !ytd.CurrentMonths.Concat(ytd.PreviousMonths).Any(m => coverage.HasData(m) && !coverage.Answers(measure, m));

        private Measure? Compare(MonthlyTotals totals)
        {
            var current = totals.Count(ytd.CurrentMonths);
            var previous = totals.Count(ytd.PreviousMonths);
            if (current is null && previous is null) return null;
            return ChangeMaths.Compare(current ?? 0, previous ?? 0);
        }

        /// <summary>
        /// One entry per name (any case, spelt as first seen), leaving out facts without a name;
        /// empty when no month can answer the measure.
        /// </summary>
        public IReadOnlyList<NamedMeasure> Named(
            IEnumerable<MonthlyFact> facts, FigureMeasure measure, Func<MonthlyFact, string?> nameOf) =>
            facts
                .Where(f => measure.Includes(f) && !Names.IsBlank(nameOf(f)))
                .GroupBy(f => nameOf(f)!, Names.Comparer)
                .Select(group => (Name: group.Key, Measure: Measure(group, measure)))
                .Where(named => named.Measure is not null)
                .Select(named => named.Measure!.Named(named.Name))
                .OrderByCount(m => m.Current, m => m.Name)
                .ToList();
    }
}
