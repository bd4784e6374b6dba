using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>A month and the import its live data comes from.</summary>
public sealed class MonthOwner
{
    public int Month { get; init; }
    public int ImportId { get; init; }
}

public static class MonthOwners
{
    /// <summary>
    /// The rule every reader and writer shares: a month's live data comes from the latest committed import holding it.
    /// <paramref name="ignoring"/> asks who would own each month without that import (what an undo brings back).
    /// </summary>
    public static IQueryable<MonthOwner> LatestOwners(this CommunitySafetyDb db, int? ignoring = null) =>
        db.ImportMonths
            .Where(m => m.ImportId != ignoring && db.Imports.Any(i => i.Id == m.ImportId && i.Status == ImportStatus.Committed))
            .GroupBy(m => m.Month)
            .Select(g => new MonthOwner { Month = g.Key, ImportId = g.Max(m => m.ImportId) });

    /// <summary>Which committed import each month's live data comes from (all months when <paramref name="months"/> is null).</summary>
    public static async Task<Dictionary<int, int>> LiveOwnersAsync(this CommunitySafetyDb db, IReadOnlyCollection<int>? months, CancellationToken cancellationToken = default)
    {
        var owners = db.LatestOwners();
        if (months is not null) owners = owners.Where(o => months.Contains(o.Month));
        return await owners.ToDictionaryAsync(o => o.Month, o => o.ImportId, cancellationToken);
    }
}
