using System.Collections.Concurrent;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// One area's live data at one version of the data, and what is worked out from it, each once: the beats and crime
/// types, every trend, and each period's summary as it is first asked for. The facts are grouped month by month, and a
/// version built after a change takes the previous version's groups (and trend counts) of every month the change left
/// alone. Read-only once built, so every request, page and circuit shares the same instances.
/// </summary>
internal sealed class LiveData
{
    /// <summary>Summaries kept per version: enough for every quarter of many years, for the district and each beat.</summary>
    private const int MaxSummariesKept = 5_000;

    private readonly Dictionary<YearMonth, MonthFacts> _months = [];
    private readonly Dictionary<string, string> _beats;
    private readonly Dictionary<string, string> _crimeTypes;
    private readonly ConcurrentDictionary<(FinancialQuarter Period, string? Beat), TaskCompletionSource<Summary>> _summaries = new();
    private readonly Lazy<DataOverview> _overview;

    /// <summary>Live data made of facts at hand (as a test has them), with nothing for a next read to start from.</summary>
    public LiveData(long version, IReadOnlyList<MonthlyFact> facts, IReadOnlyList<MonthCoverage> coverage, bool isSampleData, PopulationTable populations)
        : this(version, new LiveRead(LiveRead.ByMonth(facts), coverage, isSampleData, new Dictionary<int, int>(), new Dictionary<int, string>(), new NamePool(), facts.Count), populations)
    {
    }

    /// <param name="previous">The same area's live data before the change, whose months' groups are kept where the read kept the month's facts.</param>
    public LiveData(long version, LiveRead read, PopulationTable populations, LiveData? previous = null)
    {
        Version = version;
        Read = read;
        Coverage = read.Coverage;
        CoverageMap = new CoverageMap(read.Coverage);
        IsSampleData = read.IsSampleData;
        Populations = populations;

        var beats = new HashSet<string>(StringComparer.Ordinal);
        var crimeTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (month, facts) in read.Months)
        {
            if (previous is null || !previous._months.TryGetValue(month, out var grouped) || !ReferenceEquals(grouped.Facts, facts))
            {
                grouped = new MonthFacts(facts);
                MonthsGrouped++;
            }
            _months.Add(month, grouped);
            beats.UnionWith(grouped.Beats);
            crimeTypes.UnionWith(grouped.CrimeTypes);
        }
        // The same names as before are the same lists, so what was built from them can be seen to be unchanged.
        Beats = previous is not null && SameNames(previous.Beats, beats) ? previous.Beats : beats.Order(Names.Comparer).ToList();
        CrimeTypes = previous is not null && SameNames(previous.CrimeTypes, crimeTypes) ? previous.CrimeTypes : crimeTypes.Order(Names.Comparer).ToList();
        _beats = previous is not null && ReferenceEquals(Beats, previous.Beats) ? previous._beats : Beats.ToDictionary(b => b, Names.Comparer);
        _crimeTypes = previous is not null && ReferenceEquals(CrimeTypes, previous.CrimeTypes) ? previous._crimeTypes : CrimeTypes.ToDictionary(t => t, Names.Comparer);
        Trends = new TrendIndex(_months.ToDictionary(m => m.Key, m => m.Value.Trends));
        _overview = new Lazy<DataOverview>(OverviewOf);
    }

    private static bool SameNames(IReadOnlyList<string> was, HashSet<string> now) => was.Count == now.Count && was.All(now.Contains);

    /// <summary>The quarters with data, the default one, the beats and crime types.</summary>
    public DataOverview Overview => _overview.Value;

    private DataOverview OverviewOf()
    {
        var months = Coverage.Select(c => c.Month).ToHashSet();
        var quarters = months.Select(FinancialQuarter.Containing).Distinct().Order().ToList();
        bool Complete(FinancialQuarter q) =>
            YearMonth.Range(q.FirstMonthOfYear, q.LastMonth).All(months.Contains)
            && YearMonth.Range(q.PreviousYear.FirstMonthOfYear, q.PreviousYear.LastMonth).All(months.Contains);
        var defaultQuarter = quarters.Where(Complete).Cast<FinancialQuarter?>().LastOrDefault()
                             ?? quarters.Cast<FinancialQuarter?>().LastOrDefault();
        return new DataOverview(quarters, defaultQuarter, Beats, CrimeTypes, IsSampleData);
    }

    public long Version { get; }

    /// <summary>The read this was built from, for the next version's read to start from.</summary>
    public LiveRead Read { get; }

    /// <summary>How many months' facts were grouped for this version, not taken from the previous one: for tests.</summary>
    public int MonthsGrouped { get; }

    public IReadOnlyList<MonthCoverage> Coverage { get; }
    public CoverageMap CoverageMap { get; }
    public bool IsSampleData { get; }
    public PopulationTable Populations { get; }

    /// <summary>Every beat with a fact, each once, by name.</summary>
    public IReadOnlyList<string> Beats { get; }

    /// <summary>Every crime type with a fact, each once, by name.</summary>
    public IReadOnlyList<string> CrimeTypes { get; }

    public TrendIndex Trends { get; }

    /// <summary>The beat as the data spells it, whatever the case asked; null when no fact has it.</summary>
    public string? BeatNamed(string name) => _beats.GetValueOrDefault(name);

    /// <summary>The crime type as the data spells it, whatever the case asked; null when no fact has it.</summary>
    public string? CrimeTypeNamed(string name) => _crimeTypes.GetValueOrDefault(name);

    /// <summary>"asb", "crime", "domestic", or a crime type as the data spells it; null for anything else.</summary>
    public FigureMeasure? MeasureNamed(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim();
        if (Names.Same(trimmed, FigureMeasure.AsbName)) return FigureMeasure.Asb;
        if (Names.Same(trimmed, FigureMeasure.CrimeName)) return FigureMeasure.Crime;
        if (Names.Same(trimmed, FigureMeasure.DomesticName)) return FigureMeasure.Domestic;
        return _crimeTypes.TryGetValue(trimmed, out var crimeType) ? FigureMeasure.CrimeType(crimeType) : null;
    }

    /// <summary>The facts of the months asked for, of the whole area (null) or of one beat spelt as the data spells it.</summary>
    public IReadOnlyList<MonthlyFact> FactsIn(IEnumerable<YearMonth> months, string? beat)
    {
        var facts = new List<MonthlyFact>();
        foreach (var month in months)
            if (_months.TryGetValue(month, out var grouped)) facts.AddRange(grouped.Of(beat));
        return facts;
    }

    /// <summary>
    /// The summary of the period worked out afresh, of the whole area (null) or of a beat spelt as the data spells it:
    /// from the trend counts kept month by month and the year to date's months' facts, not a pass over every fact.
    /// </summary>
    public Summary Calculate(FinancialQuarter period, string? beat, FiguresOptions options)
    {
        var months = new YearToDate(period).AllMonths.Where(_months.ContainsKey).Select(m => _months[m]).ToList();
        var beats = months.SelectMany(m => m.Beats).Where(b => beat is null || b == beat).Distinct(StringComparer.Ordinal);
        return SummaryCalculator.Calculate(period, months.SelectMany(m => m.Of(beat)).ToList(), Trends, beat, beats, CrimeTypes, CoverageMap, options);
    }

    /// <summary>
    /// The summary of the period (of the whole area, or of a beat spelt as the data spells it), worked out once by
    /// <paramref name="calculate"/> however many callers ask at once.
    /// </summary>
    /// <remarks>
    /// Callers wait for the one calculation without holding a thread: when a change reaches every open page at once,
    /// two hundred pages blocked on it would starve the thread pool that the calculation and the pages' redraws need.
    /// </remarks>
    public Task<Summary> SummaryOfAsync(FinancialQuarter period, string? beat, Func<Summary> calculate)
    {
        if (_summaries.TryGetValue((period, beat), out var kept)) return kept.Task;
        if (_summaries.Count >= MaxSummariesKept) return Task.FromResult(calculate());
        // The first to ask works it out on its own thread; the others' waits resume on threads of their own.
        var mine = new TaskCompletionSource<Summary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _summaries.GetOrAdd((period, beat), mine);
        if (shared != mine) return shared.Task;
        try
        {
            mine.SetResult(calculate());
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
        }
        return mine.Task;
    }
}
