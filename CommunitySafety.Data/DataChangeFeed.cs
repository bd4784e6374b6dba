using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data;

/// <summary>The committed changes recorded in the database, read by id so each process can see what it has missed.</summary>
public static class DataChangeFeed
{
    public static async Task<long> LatestIdAsync(IDbContextFactory<CommunitySafetyDb> dbFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Changes.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public static async Task<IReadOnlyList<(long Id, DataChange Change)>> AfterAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, long lastSeenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Changes.AsNoTracking().Where(c => c.Id > lastSeenId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, new DataChange(r.Description, r.At))).ToList();
    }
}
