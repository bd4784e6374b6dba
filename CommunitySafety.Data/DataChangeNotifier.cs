using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CommunitySafety.Data;

/// <summary>
/// What changed, in words a notice can show ("Q2 2023-24 data imported"), when it was committed, and the change log's id
/// it reaches (<see cref="Version"/>; 0 when not known). Several changes read at once are told as one.
/// </summary>
public sealed record DataChange(string Description, DateTimeOffset At, long Version = 0);

/// <summary>
/// One per process: open pages subscribe and reload. Every committed change (an import, an undo, an edit, from this
/// process or the command line in another) writes a row of the Changes table in its own transaction; the web app's
/// DataChangeWatcher reads those rows and publishes them here, so each change is told once, whoever made it.
/// </summary>
public sealed class DataChangeNotifier(ILogger<DataChangeNotifier>? logger = null, TimeProvider? time = null)
{
    /// <summary>How long a change is waited on to reach every open page before the fan-out is logged as not done.</summary>
    public static readonly TimeSpan FanOutLimit = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];

    /// <summary>Something that hears of every change (a log, a notice).</summary>
    public IDisposable Subscribe(Func<DataChange, Task> onChange) => Add(new Subscriber(onChange, isPage: false));

    /// <summary>An open page: <paramref name="reload"/>'s task ends when the page has drawn the new figures.</summary>
    public IDisposable SubscribePage(Func<DataChange, Task> reload) => Add(new Subscriber(reload, isPage: true));

    /// <summary>The open pages listening now.</summary>
    public int PageCount
    {
        get
        {
            lock (_gate) return _subscribers.Count(s => s.IsPage);
        }
    }

    /// <summary>
    /// Tells every subscriber at once (one slow page does not hold up the others) and waits until each has taken the
    /// change; then logs how long the change took from its commit to the last open page.
    /// </summary>
    public async Task PublishAsync(DataChange change)
    {
        Subscriber[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        var started = Stopwatch.GetTimestamp();
        // From the commit (by this machine's clock, whichever process committed), or from the publishing when not known.
        var offset = change.At == default ? TimeSpan.Zero : _time.GetUtcNow() - change.At;
        var drawn = new List<TimeSpan>(subscribers.Length);
        var all = Task.WhenAll(subscribers.Select(async s =>
        {
            await TellAsync(s, change);
            if (!s.IsPage) return;
            var elapsed = offset + Stopwatch.GetElapsedTime(started);
            lock (drawn) drawn.Add(elapsed);
        }));
        try
        {
            await all.WaitAsync(FanOutLimit, _time);
        }
        catch (TimeoutException)
        {
            logger?.LogWarning("Data change {Version} had not reached every open page after {Seconds} s", change.Version, FanOutLimit.TotalSeconds);
            return;
        }
        if (drawn.Count == 0) return;
        drawn.Sort();
        // The first and the middle page beside the last tell a page that is slow on its own from every page being slow.
        // When the pages were told, beside when they drew, tells the watcher's and the commit's part from the pages'.
        logger?.LogInformation("Data change {Version} reached {Circuits} open pages in {Ms} ms (the first in {FirstMs} ms, half of them in {HalfMs} ms; told {ToldMs} ms after its commit)",
            change.Version, drawn.Count, Milliseconds(drawn[^1]), Milliseconds(drawn[0]), Milliseconds(drawn[(drawn.Count - 1) / 2]), Milliseconds(offset));
    }

    private static long Milliseconds(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;

    private async Task TellAsync(Subscriber subscriber, DataChange change)
    {
        // One broken page must not stop the others hearing of the change; what broke it is logged. Each on its own
        // thread-pool turn, so pages redraw side by side rather than one after another on the publisher's thread.
        try { await Task.Run(() => subscriber.OnChange(change)); }
        catch (Exception exception) { logger?.LogError(exception, "A page could not take the change \"{Change}\"", change.Description); }
    }

    private Subscription Add(Subscriber subscriber)
    {
        lock (_gate) _subscribers.Add(subscriber);
        return new Subscription(this, subscriber);
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate) _subscribers.Remove(subscriber);
    }

    private sealed class Subscriber(Func<DataChange, Task> onChange, bool isPage)
    {
        public Func<DataChange, Task> OnChange { get; } = onChange;
        public bool IsPage { get; } = isPage;
    }

    private sealed class Subscription(DataChangeNotifier owner, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(subscriber);
        }
    }
}
