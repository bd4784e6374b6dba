using System.Diagnostics;
using System.Net;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// GET /diagnostics/memory for the live benchmark (`benchmark-live`): the live managed heap after a full, compacting
/// collection, and the resident memory. Mapped only with the setting Diagnostics:Memory=true, and answered only to
/// this machine (loopback): it names no data, but a forced collection is not something to offer the internet.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Path = "/diagnostics/memory";
    public const string Setting = "Diagnostics:Memory";

    /// <summary>
    /// <paramref name="SqliteMb"/>: what SQLite itself holds outside the managed heap (its page caches, one per pooled
    /// connection, and prepared statements), and <paramref name="SqlitePeakMb"/> the most it has held; null from a build
    /// that did not report them.
    /// </summary>
    public sealed record MemoryFigures(
        double LiveHeapMb, double TotalManagedMb, double ResidentMb, int Gen2Collections, double CommittedMb = 0, double? SqliteMb = null, double? SqlitePeakMb = null);

    public static void MapMemoryDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting)) return;
        app.MapGet(Path, (HttpContext http) =>
        {
            if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new MemoryFigures(
                Math.Round(info.HeapSizeBytes / 1048576.0, 1),
                Math.Round(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, 1),
                Math.Round(process.WorkingSet64 / 1048576.0, 1),
                GC.CollectionCount(2),
                Math.Round(info.TotalCommittedBytes / 1048576.0, 1),
                SqliteMb(peak: false),
                SqliteMb(peak: true)));
        }).AllowAnonymous(); // loopback only, checked above; off unless the setting turns it on
    }

    /// <summary>SQLite's memory now or at its peak, in MB (0 on PostgreSQL); null should its library not load.</summary>
    private static double? SqliteMb(bool peak)
    {
        if (!SqliteLoaded.Value) return null;
        var bytes = peak ? SQLitePCL.raw.sqlite3_memory_highwater(0) : SQLitePCL.raw.sqlite3_memory_used();
        return Math.Round(bytes / 1048576.0, 1);
    }

    /// <summary>SQLite's library set up, as the first connection would (it is never set up on PostgreSQL otherwise).</summary>
    private static readonly Lazy<bool> SqliteLoaded = new(() =>
    {
        try
        {
            SQLitePCL.Batteries_V2.Init();
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return false;
        }
    });
}
