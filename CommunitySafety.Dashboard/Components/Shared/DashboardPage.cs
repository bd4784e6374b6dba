using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// A page of figures for one period: reads the period from the address, loads its figures from
/// <see cref="IFiguresService"/>, and loads them again whenever the data changes.
/// Only the latest load is shown, so a slow load can never overwrite a newer one.
/// </summary>
public abstract class DashboardPage<TFigures> : ComponentBase, IDisposable where TFigures : class
{
    public const string LoadFailedMessage =
        "The figures could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    private IDisposable? _subscription;
    private CancellationTokenSource? _latestLoad;

    [Inject] protected IFiguresService FiguresService { get; set; } = null!;
    [Inject] protected DataChangeNotifier Notifier { get; set; } = null!;
    [Inject] protected DashboardContext Context { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected ILogger<DashboardPage<TFigures>> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }
    [SupplyParameterFromQuery(Name = PeriodChoice.QuarterKey)] public string? Quarter { get; set; }

    protected DataOverview? Overview { get; private set; }
    protected FinancialQuarter? Period { get; private set; }
    protected TFigures? Figures { get; private set; }

    /// <summary>Why the address's period could not be shown, in words; null when it could.</summary>
    protected string? PeriodProblem { get; private set; }

    /// <summary>Why nothing could be loaded, in words; null when the figures loaded.</summary>
    protected string? LoadProblem { get; private set; }

    protected bool IsLoaded => Overview is not null;

    protected override void OnInitialized()
    {
        // Not awaited: the notifier tells every open page in turn, and one page's reload must not hold up the next.
        _subscription = Notifier.Subscribe(change =>
        {
            _ = InvokeAsync(ReloadAsync);
            return Task.CompletedTask;
        });
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>The page's figures for the period. Throwing shows <see cref="LoadFailedMessage"/>.</summary>
    protected abstract Task<TFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken);

    protected async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _latestLoad?.Cancel();
        var load = _latestLoad = new CancellationTokenSource();
        try
        {
            var overview = await FiguresService.GetOverviewAsync(load.Token);
            var selection = PeriodChoice.Resolve(overview, Year, Quarter);
            var figures = selection.Period is { } period
                ? await LoadFiguresAsync(overview, period, load.Token)
                : null;
            if (load != _latestLoad) return;

            Overview = overview;
            Period = selection.Period;
            PeriodProblem = selection.Problem;
            Figures = figures;
            LoadProblem = null;
            Context.Show(overview, selection.Period);
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // A newer load took over.
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Loading the figures for {Page} failed", GetType().Name);
            if (load == _latestLoad) LoadProblem = LoadFailedMessage;
        }
    }

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        _latestLoad?.Cancel();
        GC.SuppressFinalize(this);
    }
}
