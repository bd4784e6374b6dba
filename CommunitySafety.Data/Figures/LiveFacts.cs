using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Figures;

/// <summary>The live data of one area: each month's facts from the latest committed import holding that month for the area.</summary>
public static class LiveFacts
{
    /// <param name="areaId">The area (null: the home area).</param>
    public static async Task<(IReadOnlyList<MonthlyFact> Facts, IReadOnlyList<MonthCoverage> Coverage, bool IsSampleData)> ReadAsync(
        CommunitySafetyDb db, CancellationToken cancellationToken, int? areaId = null)
    {
        var area = areaId ?? Area.HomeId;
        var owners = db.LatestOwners().Where(o => o.AreaId == area);

        var liveMonths = await (
                from m in db.ImportMonths
                join o in owners on new { m.AreaId, m.Month, m.ImportId } equals new { o.AreaId, o.Month, o.ImportId }
                join i in db.Imports on m.ImportId equals i.Id
                select new { m.Month, m.HasDomestic, m.HasLocationType, i.ImportedBy })
            .ToListAsync(cancellationToken);

        // Each beat's name once, not once per row; crime and location types pooled as they are read.
        var names = new NamePool();
        var beatNames = await db.Beats.Where(b => b.AreaId == area).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        var beats = beatNames.ToDictionary(b => b.Id, b => names.Of(b.Name));
        var facts = new List<MonthlyFact>();
        await foreach (var f in (
                from f in db.Facts
                join b in db.Beats on f.BeatId equals b.Id
                where b.AreaId == area
                join o in owners on new { f.Month, f.ImportId } equals new { o.Month, o.ImportId }
                select new { f.Month, f.BeatId, f.Category, f.CrimeType, f.LocationType, f.Domestic, f.Count })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            facts.Add(new MonthlyFact(
                YearMonth.FromKey(f.Month), beats[f.BeatId], f.Category, names.OfOptional(f.CrimeType), names.OfOptional(f.LocationType), f.Domestic, f.Count));
        }

        return (
            facts,
            liveMonths.Select(m => new MonthCoverage(YearMonth.FromKey(m.Month), m.HasDomestic, m.HasLocationType)).OrderBy(m => m.Month).ToList(),
            liveMonths.Count > 0 && liveMonths.All(m => m.ImportedBy == FiguresService.SampleDataImporter));
    }
}
