using CommunitySafety.Data;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// A component that shows live data: it loads when its parameters are set and again whenever the data changes
/// (an import, an undo, another officer's edit, in this process or another). Only the latest load is shown, so a slow
/// load can never overwrite a newer one, and a load that fails is told as <see cref="LoadProblem"/>, a sentence.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource? _latestLoad;

    [Inject] protected DataChangeNotifier Notifier { get; set; } = null!;
    [Inject] private ILoggerFactory LoggerFactory { get; set; } = null!;

    /// <summary>Why the latest load failed, in words for the person reading; null when it did not.</summary>
    protected string? LoadProblem { get; private set; }

    /// <summary>The sentence shown when a load fails.</summary>
    protected virtual string LoadFailedSentence =>
        "This could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    /// <summary>Loads what the component shows. Throwing shows <see cref="LoadFailedSentence"/>; the exception is logged.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected override void OnInitialized()
    {
        // The notifier tells every open page at once and times the reloads: from the commit to the last page drawn.
        _subscription = Notifier.SubscribePage(_ => InvokeAsync(ReloadAsync));
    }

    protected override Task OnParametersSetAsync() => RefreshAsync();

    /// <summary>Loads again and draws the result: on a change of data, or after the component's own edit.</summary>
    public async Task ReloadAsync()
    {
        try
        {
            await RefreshAsync();
            StateHasChanged();
        }
        catch (Exception exception)
        {
            // Nothing awaits a reload started by a change of data: the renderer reports what went wrong.
            await DispatchExceptionAsync(exception);
        }
    }

    /// <summary>Runs <see cref="LoadAsync"/> as the latest load, cancelling any earlier one still running.</summary>
    protected async Task RefreshAsync()
    {
        _latestLoad?.Cancel();
        var load = _latestLoad = new CancellationTokenSource();
        try
        {
            await LoadAsync(load.Token);
            if (load == _latestLoad) LoadProblem = null;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // A newer load took over.
        }
        catch (Exception exception)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(exception, "Loading {Component} failed", GetType().Name);
            if (load == _latestLoad) LoadProblem = LoadFailedSentence;
        }
    }

    /// <summary>True while <paramref name="cancellationToken"/> belongs to the latest load: only then may a load show its result.</summary>
    protected bool IsLatest(CancellationToken cancellationToken) => !cancellationToken.IsCancellationRequested;

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        _latestLoad?.Cancel();
        GC.SuppressFinalize(this);
    }
}
