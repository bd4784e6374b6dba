using Microsoft.Extensions.Logging;

namespace CommunitySafety.Data;

/// <summary>What changed, in words a notice can show ("Q2 2023-24 data imported").</summary>
public sealed record DataChange(string Description, DateTimeOffset At);

/// <summary>
/// One per process: open pages subscribe and reload. Every committed change (an import, an undo, an edit, from this
/// process or the command line in another) writes a row of the Changes table in its own transaction; the web app's
/// DataChangeWatcher reads those rows and publishes them here, so each change is told once, whoever made it.
/// </summary>
public sealed class DataChangeNotifier(ILogger<DataChangeNotifier>? logger = null)
{
    private readonly Lock _gate = new();
    private readonly List<Func<DataChange, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<DataChange, Task> onChange)
    {
        lock (_gate) _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    public async Task PublishAsync(DataChange change)
    {
        Func<DataChange, Task>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers)
        {
            // One broken page must not stop the others hearing of the change; what broke it is logged.
            try { await subscriber(change); }
            catch (Exception exception) { logger?.LogError(exception, "A page could not take the change \"{Change}\"", change.Description); }
        }
    }

    private void Unsubscribe(Func<DataChange, Task> onChange)
    {
        lock (_gate) _subscribers.Remove(onChange);
    }

    private sealed class Subscription(DataChangeNotifier owner, Func<DataChange, Task> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(onChange);
        }
    }
}
