using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// What one read of an area's live data gave, kept with the live data so that the read after a change need carry from
/// the database only the months whose live import the change replaced (an import replaces a year's months, not ten
/// years'; a plan edit or a population import replaces none).
/// </summary>
internal sealed record LiveRead(
    IReadOnlyDictionary<YearMonth, IReadOnlyList<MonthlyFact>> Months,
    IReadOnlyList<MonthCoverage> Coverage,
    bool IsSampleData,
    IReadOnlyDictionary<int, int> MonthOwners,
    IReadOnlyDictionary<int, string> BeatNames,
    NamePool Names,
    int FactsRead)
{
    /// <summary>Every fact, month by month.</summary>
    public IEnumerable<MonthlyFact> Facts => Months.Values.SelectMany(facts => facts);

    /// <summary>The facts' lists month by month, each month's facts in the order given.</summary>
    public static IReadOnlyDictionary<YearMonth, IReadOnlyList<MonthlyFact>> ByMonth(IEnumerable<MonthlyFact> facts) =>
        facts.GroupBy(f => f.Month).ToDictionary(g => g.Key, IReadOnlyList<MonthlyFact> (g) => g.ToList());
}

/// <summary>The live data of one area: each month's facts from the latest committed import holding that month for the area.</summary>
public static class LiveFacts
{
    /// <param name="areaId">The area (null: the home area).</param>
    public static async Task<(IReadOnlyList<MonthlyFact> Facts, IReadOnlyList<MonthCoverage> Coverage, bool IsSampleData)> ReadAsync(
        CommunitySafetyDb db, CancellationToken cancellationToken, int? areaId = null)
    {
        var read = await ReadAsync(db, areaId ?? Area.HomeId, null, cancellationToken);
        return (read.Facts.ToList(), read.Coverage, read.IsSampleData);
    }

    /// <summary>
    /// The area's live data. With <paramref name="previous"/> (the same area's last read) only the months whose live
    /// import has changed since are read from the database; the others' facts are the previous read's, which cannot
    /// have changed: a committed import's facts are never rewritten, so a month's facts are known by its import. A month
    /// kept is the previous read's very list of facts, which tells the live data built from this read what it can keep.
    /// </summary>
    internal static async Task<LiveRead> ReadAsync(CommunitySafetyDb db, int areaId, LiveRead? previous, CancellationToken cancellationToken)
    {
        var owners = db.LatestOwners().Where(o => o.AreaId == areaId);

        var liveMonths = await (
                from m in db.ImportMonths
                join o in owners on new { m.AreaId, m.Month, m.ImportId } equals new { o.AreaId, o.Month, o.ImportId }
                join i in db.Imports on m.ImportId equals i.Id
                select new { m.Month, m.ImportId, m.HasDomestic, m.HasLocationType, i.ImportedBy })
            .ToListAsync(cancellationToken);
        var monthOwners = liveMonths.ToDictionary(m => m.Month, m => m.ImportId);

        var beatRows = await db.Beats.Where(b => b.AreaId == areaId).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        // The previous read's names are kept only while every beat is spelt as the pool spells it: the names of a
        // version must stay one instance each, compared ordinally.
        var keep = previous is not null
                   && beatRows.All(b => previous.Names.Spelling(b.Name) is not { } spelt || spelt == b.Name)
                   && beatRows.All(b => !previous.BeatNames.TryGetValue(b.Id, out var was) || was == b.Name);
        var names = keep ? previous!.Names : new NamePool();
        var beats = beatRows.ToDictionary(b => b.Id, b => names.Of(b.Name));

        var months = new Dictionary<YearMonth, IReadOnlyList<MonthlyFact>>();
        List<int>? reread = null;
        if (keep)
        {
            reread = [];
            foreach (var (month, owner) in monthOwners)
            {
                if (!previous!.MonthOwners.TryGetValue(month, out var was) || was != owner) reread.Add(month);
                else if (previous.Months.TryGetValue(YearMonth.FromKey(month), out var kept)) months.Add(YearMonth.FromKey(month), kept);
            }
        }

        var read = 0;
        if (reread is not { Count: 0 })
        {
            var live = reread is null ? owners : owners.Where(o => reread.Contains(o.Month));
            // Each beat's name once, not once per row; crime and location types pooled as they are read.
            var fresh = new Dictionary<YearMonth, List<MonthlyFact>>();
            var query = db.LiveFactsOf(areaId, live)
                .Select(f => new { f.Month, f.BeatId, f.Category, f.CrimeType, f.LocationType, f.Domestic, f.Count });
            await foreach (var f in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var month = YearMonth.FromKey(f.Month);
                if (!fresh.TryGetValue(month, out var ofMonth)) fresh.Add(month, ofMonth = []);
                ofMonth.Add(new MonthlyFact(
                    month, beats[f.BeatId], f.Category, names.OfOptional(f.CrimeType), names.OfOptional(f.LocationType), f.Domestic, f.Count));
                read++;
            }
            foreach (var (month, facts) in fresh) months.Add(month, facts);
        }

        return new LiveRead(
            months,
            liveMonths.Select(m => new MonthCoverage(YearMonth.FromKey(m.Month), m.HasDomestic, m.HasLocationType)).OrderBy(m => m.Month).ToList(),
            liveMonths.Count > 0 && liveMonths.All(m => m.ImportedBy == FiguresService.SampleDataImporter),
            monthOwners,
            beats,
            names,
            read);
    }
}
