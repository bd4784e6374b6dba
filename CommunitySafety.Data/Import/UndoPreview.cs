using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>What undoing an import would bring back, said before it is done.</summary>
public static class UndoPreview
{
    /// <summary>For each month whose live data comes from the import, the import it would return to (null: no data).</summary>
    public static async Task<IReadOnlyList<MonthReplacement>> MonthsAsync(IDbContextFactory<CommunitySafetyDb> dbFactory, int importId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await db.ImportMonths.Where(m => m.ImportId == importId).Select(m => new { m.AreaId, m.Month }).ToListAsync(cancellationToken);
        var months = held.Select(m => m.Month).Distinct().ToList();
        var owners = await db.LiveOwnersByAreaAsync(months, cancellationToken);
        var live = held.Where(m => owners.GetValueOrDefault((m.AreaId, m.Month)) == importId).ToList();
        var liveMonths = live.Select(m => m.Month).Distinct().ToList();
        var fallbacks = (await db.LatestOwners(ignoring: importId).Where(o => liveMonths.Contains(o.Month)).ToListAsync(cancellationToken))
            .ToDictionary(o => (o.AreaId, o.Month), o => o.ImportId);
        // One line a month (the home area's, or the first area's, when the import holds several areas).
        return live.GroupBy(m => m.Month).OrderBy(g => g.Key).Select(g => g.OrderBy(m => m.AreaId).First())
            .Select(m => new MonthReplacement(YearMonth.FromKey(m.Month), fallbacks.TryGetValue((m.AreaId, m.Month), out var id) ? id : null))
            .ToList();
    }

    /// <summary>"Apr 2023 to Jun 2023 will come from import 3 again; Jul 2023 will have no data."</summary>
    public static string Describe(int importId, IReadOnlyList<MonthReplacement> months)
    {
        if (months.Count == 0) return $"Undoing import {importId} changes no figures: later imports have replaced all of its months.";
        var parts = months.GroupBy(m => m.ReplacedImportId).Select(g =>
        {
            var list = Words.MonthRuns(g.Select(m => m.Month));
            return g.Key is int id ? $"{list} will come from import {id} again" : $"{list} will have no data";
        });
        return $"Undoing import {importId}: {string.Join("; ", parts)}.";
    }
}
