using CommunitySafety.Dashboard.Live;
using CommunitySafety.Data;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Tests.Live;

/// <summary>How a change reaches open pages: once for several changes, side by side, and timed.</summary>
public sealed class FanOutTests
{
    [Fact]
    public async Task Several_changes_landing_at_once_reach_a_page_as_one_change_with_the_latest_version()
    {
        await using var db = await TestDatabase.CreateAsync();
        var notifier = new DataChangeNotifier();
        var version = db.Services.GetRequiredService<DataVersion>();
        var watcher = new DataChangeWatcher(db.DbFactory, notifier, version, TimeProvider.System, NullLogger<DataChangeWatcher>.Instance);
        var start = await DataChangeFeed.LatestIdAsync(db.DbFactory);
        var heard = new List<DataChange>();
        using var _ = notifier.SubscribePage(change =>
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        });
        await using (var context = await db.DbFactory.CreateDbContextAsync())
        {
            foreach (var description in new[] { "Import 1 undone", "Q1 2023-24 data imported", "Q2 2023-24 data imported" })
                context.Changes.Add(new DataChangeRecord { At = DateTimeOffset.UtcNow, Description = description });
            await context.SaveChangesAsync();
        }
        var latest = await DataChangeFeed.LatestIdAsync(db.DbFactory);

        Assert.Equal(latest, await watcher.PollAsync(start, CancellationToken.None));
        Assert.Equal(latest, await watcher.PollAsync(latest, CancellationToken.None)); // nothing new: nothing told

        var change = Assert.Single(heard);
        Assert.Equal(latest, change.Version);
        Assert.Equal("Import 1 undone; Q1 2023-24 data imported; Q2 2023-24 data imported", change.Description);
    }

    [Fact]
    public async Task A_page_still_redrawing_does_not_hold_up_the_others()
    {
        var notifier = new DataChangeNotifier();
        var slowPage = new TaskCompletionSource();
        var otherPageReloaded = new TaskCompletionSource();
        using var slow = notifier.SubscribePage(_ => slowPage.Task);
        using var other = notifier.SubscribePage(_ =>
        {
            otherPageReloaded.SetResult();
            return Task.CompletedTask;
        });

        var publishing = notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow, 7));

        await otherPageReloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(publishing.IsCompleted); // the fan-out ends with the last page
        slowPage.SetResult();
        await publishing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_fan_out_is_logged_from_the_commit_to_the_last_page_drawn()
    {
        var logs = new ListLogger();
        var notifier = new DataChangeNotifier(logs);
        using var first = notifier.SubscribePage(_ => Task.CompletedTask);
        using var second = notifier.SubscribePage(_ => Task.CompletedTask);
        using var notice = notifier.Subscribe(_ => Task.CompletedTask); // not a page

        await notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow.AddSeconds(-3), 42));

        var line = Assert.Single(logs.Lines);
        var logged = System.Text.RegularExpressions.Regex.Match(line, @"^Data change 42 reached 2 open pages in (\d+) ms \(the first in (\d+) ms, half of them in (\d+) ms; told (\d+) ms after its commit\)$");
        Assert.True(logged.Success, line);
        var (last, firstPage, half) = (long.Parse(logged.Groups[1].Value), long.Parse(logged.Groups[2].Value), long.Parse(logged.Groups[3].Value));
        var told = long.Parse(logged.Groups[4].Value);
        Assert.True(told >= 3000, line);
        Assert.True(told <= firstPage && firstPage <= half && half <= last, line);
    }

    private sealed class ListLogger : ILogger<DataChangeNotifier>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception));
        }
    }
}
