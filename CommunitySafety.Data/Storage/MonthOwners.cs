using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>An area's month and the import its live data comes from.</summary>
public sealed class MonthOwner
{
    public int AreaId { get; init; }
    public int Month { get; init; }
    public int ImportId { get; init; }
}

/// <summary>A live fact of an area, with its beat's name.</summary>
public sealed class LiveFactRow
{
    public int Month { get; init; }
    public int BeatId { get; init; }
    public string Beat { get; init; } = "";
    public Category Category { get; init; }
    public string? CrimeType { get; init; }
    public string? LocationType { get; init; }
    public bool Domestic { get; init; }
    public int Count { get; init; }
}

public static class MonthOwners
{
    /// <summary>
    /// The rule every reader and writer shares: an area's month's live data comes from the latest committed import
    /// holding that month for that area (a police.uk import replaces a month only in the areas it holds rows for).
    /// <paramref name="ignoring"/> asks who would own each month without that import (what an undo brings back).
    /// </summary>
    public static IQueryable<MonthOwner> LatestOwners(this CommunitySafetyDb db, int? ignoring = null) =>
        db.ImportMonths
            .Where(m => m.ImportId != ignoring && db.Imports.Any(i => i.Id == m.ImportId && i.Status == ImportStatus.Committed))
            .GroupBy(m => new { m.AreaId, m.Month })
            .Select(g => new MonthOwner { AreaId = g.Key.AreaId, Month = g.Key.Month, ImportId = g.Max(m => m.ImportId) });

    /// <summary>
    /// An area's live facts of the months <paramref name="owners"/> holds, each month's found through the import it comes
    /// from (the index on import and month), so reading a few months costs the same however many years are stored.
    /// </summary>
    /// <remarks>
    /// The beat is joined by <c>BeatId + 0</c>: an expression, not the column, so SQLite cannot go the other way, from the
    /// area's beats through the index on beat to every fact each beat ever had, which it otherwise prefers knowing
    /// nothing of the data. One month of ten years at 300 beats took 0.75 s that way and 1 ms this way.
    /// </remarks>
    public static IQueryable<LiveFactRow> LiveFactsOf(this CommunitySafetyDb db, int areaId, IQueryable<MonthOwner> owners) =>
        from o in owners
        where o.AreaId == areaId
        join f in db.Facts on new { o.Month, o.ImportId } equals new { f.Month, f.ImportId }
        join b in db.Beats on f.BeatId + 0 equals b.Id
        where b.AreaId == areaId
        select new LiveFactRow
        {
            Month = f.Month, BeatId = f.BeatId, Beat = b.Name, Category = f.Category, CrimeType = f.CrimeType,
            LocationType = f.LocationType, Domestic = f.Domestic, Count = f.Count,
        };

    /// <summary>
    /// Which committed import each of an area's months' live data comes from (all months when <paramref name="months"/>
    /// is null; the home area when <paramref name="areaId"/> is null).
    /// </summary>
    public static async Task<Dictionary<int, int>> LiveOwnersAsync(
        this CommunitySafetyDb db, IReadOnlyCollection<int>? months, CancellationToken cancellationToken = default, int? areaId = null)
    {
        var area = areaId ?? Area.HomeId;
        var owners = db.LatestOwners().Where(o => o.AreaId == area);
        if (months is not null) owners = owners.Where(o => months.Contains(o.Month));
        return await owners.ToDictionaryAsync(o => o.Month, o => o.ImportId, cancellationToken);
    }

    /// <summary>Which committed import each area's month comes from, for every area (all months when <paramref name="months"/> is null).</summary>
    public static async Task<Dictionary<(int AreaId, int Month), int>> LiveOwnersByAreaAsync(
        this CommunitySafetyDb db, IReadOnlyCollection<int>? months, CancellationToken cancellationToken = default)
    {
        var owners = db.LatestOwners();
        if (months is not null) owners = owners.Where(o => months.Contains(o.Month));
        return (await owners.ToListAsync(cancellationToken)).ToDictionary(o => (o.AreaId, o.Month), o => o.ImportId);
    }
}

public static class PopulationOwners
{
    /// <summary>The live population figures: those of the latest committed import holding any (undo falls back to the one before).</summary>
    public static IQueryable<PopulationEstimate> LivePopulations(this CommunitySafetyDb db) =>
        db.Populations.Where(p => p.ImportId == db.Populations
            .Where(q => db.Imports.Any(i => i.Id == q.ImportId && i.Status == ImportStatus.Committed))
            .Max(q => (int?)q.ImportId));
}
