using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>
/// What an import's preview and checks read of the home area's live data, and no more, so that an import costs the
/// same however many years are already imported: the months with data; each month's totals by category and
/// domestic flag (a few rows a month, summed by the database) for the <see cref="YearsJudgedAgainst"/> years before
/// the import and the year-to-date periods it moves; which beats had rows in the year before it; the beats' names.
/// Never the facts themselves.
/// </summary>
internal sealed record LiveHistory(
    IReadOnlyList<MonthCoverage> Coverage,
    IReadOnlyList<MonthlyFact> MonthTotals,
    IReadOnlyList<(YearMonth Month, string Beat)> BeatMonthsBefore,
    IReadOnlyList<string> KnownBeats)
{
    /// <summary>Beats with rows this many months before the import's first month are the ones expected in it.</summary>
    public const int BeatWindowMonths = 12;

    /// <summary>A month's count is judged against the same month of at most this many earlier years, and the months between.</summary>
    public const int YearsJudgedAgainst = 5;

    /// <summary>The name the month totals carry in place of a beat: they are every beat's.</summary>
    public const string AllBeats = "";

    public static async Task<LiveHistory> ReadAsync(CommunitySafetyDb db, IReadOnlyCollection<int> importMonths, CancellationToken cancellationToken)
    {
        var coverage = (await (
                    from m in db.ImportMonths
                    join o in Owners(db, 0, int.MaxValue) on new { m.AreaId, m.Month, m.ImportId } equals new { o.AreaId, o.Month, o.ImportId }
                    select new { m.Month, m.HasDomestic, m.HasLocationType })
                .ToListAsync(cancellationToken))
            .Select(m => new MonthCoverage(YearMonth.FromKey(m.Month), m.HasDomestic, m.HasLocationType)).OrderBy(m => m.Month).ToList();
        if (importMonths.Count == 0) return new LiveHistory(coverage, [], [], []);

        var first = YearMonth.FromKey(importMonths.Min());
        var last = YearMonth.FromKey(importMonths.Max());
        // The totals the checks compare against, and those of the year-to-date periods of the latest quarter there will be data for.
        var latest = FinancialQuarter.Containing(coverage.Select(c => c.Month).Append(last).Max());
        var ytd = new YearToDate(latest);
        var totals = new List<MonthlyFact>();
        foreach (var (from, to) in Merge([(first.AddMonths(-12 * YearsJudgedAgainst), last), (ytd.PreviousFrom, ytd.PreviousTo), (ytd.CurrentFrom, ytd.CurrentTo)]))
            totals.AddRange((await LiveFacts(db, from.Key, to.Key)
                    .GroupBy(f => new { f.Month, f.Category, f.Domestic })
                    .Select(g => new { g.Key.Month, g.Key.Category, g.Key.Domestic, Count = g.Sum(f => f.Count) })
                    .ToListAsync(cancellationToken))
                .Select(t => new MonthlyFact(YearMonth.FromKey(t.Month), AllBeats, t.Category, null, null, t.Domestic, t.Count)));

        var beatMonths = (await LiveFacts(db, first.AddMonths(-BeatWindowMonths).Key, first.AddMonths(-1).Key)
                .Where(f => f.Count > 0)
                .Select(f => new { f.Month, f.Beat }).Distinct().ToListAsync(cancellationToken))
            .Select(b => (YearMonth.FromKey(b.Month), b.Beat)).ToList();

        var knownBeats = await db.Beats.Where(b => b.AreaId == Area.HomeId).Select(b => b.Name).ToListAsync(cancellationToken);
        return new LiveHistory(coverage, totals, beatMonths, knownBeats);
    }

    /// <summary>The home area's months from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> (keys) and the import each one's live data comes from.</summary>
    private static IQueryable<MonthOwner> Owners(CommunitySafetyDb db, int firstMonth, int lastMonth) =>
        db.LatestOwners().Where(o => o.AreaId == Area.HomeId && o.Month >= firstMonth && o.Month <= lastMonth);

    /// <summary>The home area's live facts of those months, found through their owners (the index on import and month), never by a scan of every fact.</summary>
    private static IQueryable<LiveFactRow> LiveFacts(CommunitySafetyDb db, int firstMonth, int lastMonth) =>
        db.LiveFactsOf(Area.HomeId, Owners(db, firstMonth, lastMonth));

    /// <summary>Month ranges joined where they overlap, so no month is read twice.</summary>
    private static List<(YearMonth From, YearMonth To)> Merge(IEnumerable<(YearMonth From, YearMonth To)> ranges)
    {
        var merged = new List<(YearMonth From, YearMonth To)>();
        foreach (var range in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && range.From <= merged[^1].To.AddMonths(1))
                merged[^1] = (merged[^1].From, range.To > merged[^1].To ? range.To : merged[^1].To);
            else merged.Add(range);
        }
        return merged;
    }
}
