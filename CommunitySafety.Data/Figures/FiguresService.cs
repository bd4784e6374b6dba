using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Reads the live data (each month from the latest committed import holding it) and hands it to the calculators.
/// The live data is small (aggregated counts), so it is read once per change and kept until the next one, with what is
/// worked out from it (the overview, the trends, each period's summary): one computation per version of the data,
/// shared read-only by every request and page. The cache is per instance by design: each app instance keeps its own,
/// and its change watcher (PostgreSQL's notices, SQLite's log) tells it when another instance or process changed the
/// data. With a <see cref="DataVersion"/> the version is known without asking the database each call; without one (a
/// test, a single command) it is read each call.
/// </summary>
public sealed partial class FiguresService(IDbContextFactory<CommunitySafetyDb> dbFactory, DataSettings settings, DataVersion? dataVersion = null) : IFiguresService
{
    public const string SampleDataImporter = "sample data";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Dictionary<int, LiveData> _cache = [];
    private (long Version, PopulationTable Table)? _populations; // read and written only while holding _loading
    private readonly OncePerVersion<bool, IReadOnlyList<string>> _areas = new(maxKept: 1); // one list a version, under one key
    private readonly OncePerVersion<string, (int Id, string Name)?> _areaNames = new(MaxAreaNamesKept, StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Version, string Request), Comparison> _comparisons = new();
    private int _summariesCalculated;

    /// <summary>How many summaries were worked out (not taken from what was kept): for tests.</summary>
    internal int SummariesCalculated => Volatile.Read(ref _summariesCalculated);

    private int _areaListsRead;

    /// <summary>How many times the list of areas was read from the database: for tests.</summary>
    internal int AreaListsRead => Volatile.Read(ref _areaListsRead);

    private int _areaLookups;

    /// <summary>How many times a named area was looked up in the database (not taken from what was kept): for tests.</summary>
    internal int AreaLookups => Volatile.Read(ref _areaLookups);

    private long _factsRead;

    /// <summary>How many facts have been carried from the database so far, for the tests of reading only what changed.</summary>
    internal long FactsRead => Interlocked.Read(ref _factsRead);

    private long _monthsGrouped;

    /// <summary>How many months' facts have been grouped (not kept from the previous version), for the tests of grouping only what changed.</summary>
    internal long MonthsGrouped => Interlocked.Read(ref _monthsGrouped);

    private FiguresOptions Options => new() { Area = settings.Area, LargestIncreaseThreshold = settings.LargestIncreaseThreshold };

    public async Task<DataOverview> GetOverviewAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Overview;

    public async Task<Summary> GetSummaryAsync(FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default) =>
        (await GetAreaSummaryAsync(null, period, beat, cancellationToken))!; // the home area is always there

    public async Task<IReadOnlyList<string>> GetAreasAsync(CancellationToken cancellationToken = default)
    {
        // Every open page asks on every change: read once per version of the data (areas come only with a change).
        var version = await CurrentVersionAsync(cancellationToken);
        return await _areas.GetAsync(version, key: true, async () =>
        {
            Interlocked.Increment(ref _areaListsRead);
            await using var db = await dbFactory.CreateDbContextAsync();
            return await db.AllAsync(settings.Area);
        }, cancellationToken);
    }

    private Task<long> CurrentVersionAsync(CancellationToken cancellationToken) => dataVersion is null
        ? DataChangeFeed.LatestIdAsync(dbFactory, cancellationToken)
        : dataVersion.CurrentAsync(ct => DataChangeFeed.LatestIdAsync(dbFactory, ct), cancellationToken);

    public async Task<Summary?> GetAreaSummaryAsync(string? area, FinancialQuarter period, string? beat = null, CancellationToken cancellationToken = default)
    {
        var (areaId, name) = (Area.HomeId, settings.Area);
        if (area is not null)
        {
            if (await AreaNamedAsync(area, cancellationToken) is not { } found) return null;
            (areaId, name) = found;
        }
        var live = await LoadAsync(cancellationToken, areaId);
        var areaKey = areaId == Area.HomeId ? null : name;
        if (beat is null) return await live.SummaryOfAsync(period, null, () => Calculate(live, period, null, name, areaKey, null));
        if (live.BeatNamed(beat) is not { } known)
            return Calculate(live, period, null, beat.Trim(), areaKey, beat); // no such beat: nothing to keep
        return await live.SummaryOfAsync(period, known, () => Calculate(live, period, known, known, areaKey, known));
    }

    /// <param name="beatInData">The beat spelt as the data spells it; null for the area, or for a beat not in the data when <paramref name="beat"/> is not null.</param>
    private Summary Calculate(LiveData live, FinancialQuarter period, string? beatInData, string name, string? areaKey, string? beat)
    {
        Interlocked.Increment(ref _summariesCalculated);
        var options = Options with { Area = name };
        var summary = beat is not null && beatInData is null
            ? SummaryCalculator.Calculate(period, [], live.Coverage, options)
            : live.Calculate(period, beatInData, options);
        return WithRates(summary, live.Populations, areaKey, beat, period.StartYear);
    }

    public async Task<Comparison> GetComparisonAsync(ComparisonRequest request, CancellationToken cancellationToken = default)
    {
        if (!ComparisonMaths.IsMeasure(request.Measure))
            throw new ComparisonProblem($"measure must be asb, crime, domestic or crime-type: and a crime type's name, not '{request.Measure}'.");
        var areas = await GetAreasAsync(cancellationToken);
        string Known(string name) => areas.FirstOrDefault(a => string.Equals(a, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ComparisonProblem($"area '{name.Trim()}' is not an area the dashboard holds; the areas are {string.Join(", ", areas)}.");
        var area = request.Area is null ? settings.Area : Known(request.Area);
        var group = (request.Group ?? await GetGroupAsync(area, cancellationToken) ?? areas).Select(Known)
            .Where(g => !string.Equals(g, area, StringComparison.OrdinalIgnoreCase)) // an area is never in its own group
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // A comparison with hundreds of areas is worth keeping: worked out once per version of the data and shared.
        var version = (await LoadAsync(cancellationToken)).Version;
        var asked = (version, string.Join("|", request.Period, request.Measure.Trim().ToLowerInvariant(), request.Group is null ? "chosen" : "asked", area, string.Join("|", group)));
        if (_comparisons.TryGetValue(asked, out var kept)) return kept;

        var startYear = request.Period.StartYear;
        var all = new List<(string, (int, int, double?)?, long?, Summary)>();
        foreach (var name in new[] { area }.Concat(group))
        {
            var summary = (await GetAreaSummaryAsync(name, request.Period, null, cancellationToken))!;
            var live = await LoadAsync(cancellationToken, (await IdOfAsync(name, cancellationToken))!.Value);
            var key = string.Equals(name, settings.Area, StringComparison.OrdinalIgnoreCase) ? null : name;
            all.Add((name, ComparisonMaths.CountsOf(summary, request.Measure), live.Populations.OfArea(key, startYear), summary));
        }
        var comparison = ComparisonMaths.Build(request, area, all);
        foreach (var stale in _comparisons.Keys.Where(k => k.Version != version)) _comparisons.TryRemove(stale, out _);
        _comparisons[asked] = comparison;
        return comparison;
    }

    public async Task<IReadOnlyList<string>?> GetGroupAsync(string? area, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.IdOfAsync(area, settings.Area, cancellationToken) is not int areaId) return null;
        var members = await db.ComparisonGroups.Where(g => g.AreaId == areaId)
            .Join(db.Areas, g => g.MemberAreaId, a => a.Id, (g, a) => new { a.IsHome, a.Name }).ToListAsync(cancellationToken);
        return members.Count == 0 ? null : members.Select(m => m.IsHome ? settings.Area : m.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyList<string>> SetGroupAsync(string? area, IReadOnlyList<string> members, string? chosenBy, CancellationToken cancellationToken = default)
    {
        var areas = await GetAreasAsync(cancellationToken);
        string Known(string name) => areas.FirstOrDefault(a => string.Equals(a, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ComparisonProblem($"area '{name.Trim()}' is not an area the dashboard holds; the areas are {string.Join(", ", areas)}.");
        var own = area is null ? settings.Area : Known(area);
        var chosen = members.Select(Known).Where(m => !string.Equals(m, own, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var areaId = (await db.IdOfAsync(own, settings.Area, cancellationToken))!.Value;
        await db.ComparisonGroups.Where(g => g.AreaId == areaId).ExecuteDeleteAsync(cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        foreach (var member in chosen)
            db.ComparisonGroups.Add(new ComparisonGroupMember
            {
                AreaId = areaId, MemberAreaId = (await db.IdOfAsync(member, settings.Area, cancellationToken))!.Value, ChosenAt = now, ChosenBy = chosenBy,
            });
        db.Changes.Add(new DataChangeRecord
        {
            At = now,
            Description = chosen.Count == 0
                ? $"{own}'s comparison group cleared: it is compared with every other area"
                : $"{own}'s comparison group chosen: {Words.And(chosen)}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dataVersion?.Changed();
        return chosen;
    }

    private async Task<int?> IdOfAsync(string name, CancellationToken cancellationToken) =>
        (await AreaNamedAsync(name, cancellationToken))?.Id;

    /// <summary>
    /// The area a name stands for (its id, and its name as stored), or null when none: asked of the database once per
    /// name and version of the data (areas come only with a change), so the pages and requests of a named area do not
    /// each open the database to find it. The database does the matching, so the kept answers match as it would.
    /// </summary>
    private async Task<(int Id, string Name)?> AreaNamedAsync(string name, CancellationToken cancellationToken)
    {
        if (string.Equals(name.Trim(), settings.Area, StringComparison.OrdinalIgnoreCase)) return (Area.HomeId, settings.Area);
        var version = await CurrentVersionAsync(cancellationToken);
        var key = name.Trim();
        return await _areaNames.GetAsync(version, key, async () =>
        {
            Interlocked.Increment(ref _areaLookups);
            await using var db = await dbFactory.CreateDbContextAsync();
            return await db.NamedAsync(key, settings.Area);
        }, cancellationToken);
    }

    /// <summary>The names come from addresses anyone can type: a bounded number is kept, however many are asked for.</summary>
    private const int MaxAreaNamesKept = 1_000;

    public async Task<IReadOnlyList<NamedMeasure>> GetCrimeTypeLocationTypesAsync(
        FinancialQuarter period, string crimeType, string? beat = null, CancellationToken cancellationToken = default)
    {
        var live = await LoadAsync(cancellationToken);
        var known = beat is null ? null : live.BeatNamed(beat);
        if (live.CrimeTypeNamed(crimeType.Trim()) is not { } type || (beat is not null && known is null)) return [];
        // The year to date's facts are all the location types are counted from.
        var facts = live.FactsIn(new YearToDate(period).AllMonths, known)
            .Where(f => f.Category == Category.Crime && string.Equals(f.CrimeType, type, StringComparison.Ordinal))
            .ToList();
        return SummaryCalculator.Calculate(period, facts, live.Coverage, Options).LocationTypes.Crime;
    }

    public async Task<TrendSeries?> GetTrendAsync(
        string measure, string? beat, TrendGranularity by, YearMonth? from = null, YearMonth? to = null,
        CancellationToken cancellationToken = default)
    {
        var live = await LoadAsync(cancellationToken);
        if (live.MeasureNamed(measure) is not { } figure) return null;
        if (live.Coverage.Count == 0 && from is null) return new TrendSeries(figure.Name, beat, by, []);
        var first = from ?? live.Coverage[0].Month;
        var last = to ?? live.Coverage[^1].Month;
        return TrendCalculator.Build(live.Trends, live.CoverageMap, figure, beat, beat is null ? null : live.BeatNamed(beat), by, first, last);
    }

    /// <summary>The summary with each count's rate per 1,000 residents where the area's (or the beat's) population is known.</summary>
    private static Summary WithRates(Summary summary, PopulationTable populations, string? areaKey, string? beat, int startYear)
    {
        if (populations.IsEmpty) return summary;
        var population = beat is null ? populations.OfArea(areaKey, startYear) : populations.OfBeat(areaKey, beat, startYear);
        Measure? Rated(Measure? m, long? p) => m is null ? null : m with { Rate = Rates.Round(Rates.PerThousand(m.Current, p)) };
        return summary with
        {
            Asb = Rated(summary.Asb, population),
            Crime = Rated(summary.Crime, population),
            Domestic = Rated(summary.Domestic, population),
            CrimeTypes = summary.CrimeTypes.Select(t => t with { Rate = Rates.Round(Rates.PerThousand(t.Current, population)) }).ToList(),
            Beats = summary.Beats.Select(b =>
            {
                var p = populations.OfBeat(areaKey, b.Name, startYear);
                return b with { Asb = Rated(b.Asb, p), Crime = Rated(b.Crime, p), Domestic = Rated(b.Domestic, p) };
            }).ToList(),
        };
    }

    /// <summary>An area's live data (the home area's unless told), read once per change of the data and kept until the next.</summary>
    private async Task<LiveData> LoadAsync(CancellationToken cancellationToken, int areaId = Area.HomeId)
    {
        var version = await CurrentVersionAsync(cancellationToken);
        lock (_cache)
            if (_cache.TryGetValue(areaId, out var cached) && cached.Version == version) return cached;

        await _loading.WaitAsync(cancellationToken);
        try
        {
            lock (_cache)
                if (_cache.TryGetValue(areaId, out var again) && again.Version == version) return again;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // One read transaction, so the version, the months and the facts are one snapshot even if an import
            // commits meanwhile (WAL gives a reader the database as it was when its transaction began reading).
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            // Deferred, so SQLite takes no write lock: a reader must never hold up an import.
            await using var snapshot = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var snapshotVersion = await db.Changes.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            LiveData? previous;
            lock (_cache) previous = _cache.GetValueOrDefault(areaId);
            var read = await LiveFacts.ReadAsync(db, areaId, previous?.Read, cancellationToken);
            Interlocked.Add(ref _factsRead, read.FactsRead);
            // The population figures cover every area: read once per version, shared by every area's live data.
            var populations = _populations is { } kept && kept.Version == snapshotVersion
                ? kept.Table
                : new PopulationTable(await db.LivePopulations()
                    .Select(p => new PopulationFigure(p.Year, p.Level, p.Area, p.Beat, p.Population)).ToListAsync(cancellationToken));
            _populations = (snapshotVersion, populations);
            var loaded = new LiveData(snapshotVersion, read, populations, previous);
            Interlocked.Add(ref _monthsGrouped, loaded.MonthsGrouped);
            lock (_cache)
            {
                // Older versions of other areas are of no more use: keep only this version's.
                foreach (var stale in _cache.Where(c => c.Value.Version != snapshotVersion).Select(c => c.Key).ToList()) _cache.Remove(stale);
                _cache[areaId] = loaded;
            }
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }
}
