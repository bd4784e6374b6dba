using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Hosting;

/// <summary>
/// One log line per committed import, undo and edit, whichever process made it (the watcher reads the database's
/// change log), under the category CommunitySafety.Changes. The line is the change's own description ("Import 7
/// undone", "Q2 return for Safer Streets updated by ..."), which names imports, periods and projects, never a row of
/// an imported file.
/// </summary>
public sealed class ChangeLog(DataChangeNotifier notifier, ILoggerFactory loggers) : IHostedService
{
    public const string Category = "CommunitySafety.Changes";

    private readonly ILogger _logger = loggers.CreateLogger(Category);
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(change =>
        {
            _logger.LogInformation("Data changed: {Change}", change.Description);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
