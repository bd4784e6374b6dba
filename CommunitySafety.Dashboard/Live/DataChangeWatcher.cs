using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Dashboard.Live;

/// <summary>
/// Tells open pages about every committed change, whichever process made it (the web app, the command line in another
/// process, or on PostgreSQL another instance of the app). On SQLite by reading the database's change log four times a
/// second; on PostgreSQL by LISTEN/NOTIFY, each change pushed as it commits, then read from the same log. One reader
/// for the whole app, however many browsers are open; pages hear of it through the DataChangeNotifier.
/// </summary>
public sealed class DataChangeWatcher(
    IDbContextFactory<CommunitySafetyDb> dbFactory,
    DataChangeNotifier notifier,
    DataVersion version,
    TimeProvider time,
    ILogger<DataChangeWatcher> logger,
    DataSettings? settings = null) : BackgroundService
{
    /// <summary>A quarter of a second: the read is one indexed look past the last id, and the wait is part of every fan-out.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>For tests: done once PostgreSQL's LISTEN is first in place (so a change made after it is heard).</summary>
    internal Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSeen = await LatestIdAsync(stoppingToken);
        if (lastSeen is null) return;
        version.Seen(lastSeen.Value);
        if (settings?.Provider == DatabaseProvider.PostgreSql)
        {
            await ListenAsync(lastSeen.Value, new PostgreSqlChangeListener(settings.ConnectionString), stoppingToken);
            return;
        }

        using var timer = new PeriodicTimer(PollInterval, time);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                lastSeen = await PollAsync(lastSeen.Value, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the change log; trying again shortly.");
            }
        }
    }

    /// <summary>
    /// Reads the changes after <paramref name="lastSeen"/> and tells open pages of them as one change (several landing at
    /// once, or while pages were still redrawing the last, cost one reload each, not one per change). Gives back the
    /// last change read.
    /// </summary>
    internal async Task<long> PollAsync(long lastSeen, CancellationToken cancellationToken)
    {
        var changes = await DataChangeFeed.AfterAsync(dbFactory, lastSeen, cancellationToken);
        if (changes.Count == 0) return lastSeen;
        var (latest, last) = changes[^1];
        version.Seen(latest);
        await notifier.PublishAsync(new DataChange(string.Join("; ", changes.Select(c => c.Change.Description)), last.At, latest));
        return latest;
    }

    /// <summary>
    /// PostgreSQL: each notice wakes a read of the log after the last change told, so nothing is told twice or missed,
    /// also across a lost connection (listening again, it first catches up with what committed meanwhile).
    /// </summary>
    private async Task ListenAsync(long lastSeen, PostgreSqlChangeListener listener, CancellationToken stoppingToken)
    {
        async Task ListeningAsync()
        {
            await PublishNewAsync();
            _listening.TrySetResult();
        }

        async Task PublishNewAsync()
        {
            lastSeen = await PollAsync(lastSeen, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await listener.ListenAsync(ListeningAsync, heard => heard > lastSeen ? PublishNewAsync() : Task.CompletedTask, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the database's change notices; listening again in a second.");
                try { await Task.Delay(PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Where the log stands at start; a busy or unreadable database is tried again each second, never ending the app.</summary>
    private async Task<long?> LatestIdAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                return await DataChangeFeed.LatestIdAsync(dbFactory, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not read the change log at start; trying again shortly.");
                try { await Task.Delay(PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { return null; }
            }
        }
        return null;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
