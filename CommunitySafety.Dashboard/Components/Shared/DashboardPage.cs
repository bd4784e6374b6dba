using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// A page of figures for one period: reads the period from the address, loads its figures from
/// <see cref="IFiguresService"/>, and loads them again whenever the data changes.
/// </summary>
public abstract class DashboardPage<TFigures> : LiveComponent where TFigures : class
{
    public const string LoadFailedMessage =
        "The figures could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    [Inject] protected IFiguresService FiguresService { get; set; } = null!;
    [Inject] protected DashboardContext Context { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }
    [SupplyParameterFromQuery(Name = PeriodChoice.QuarterKey)] public string? Quarter { get; set; }
    [SupplyParameterFromQuery(Name = AreaInView.AreaKey)] public string? AreaInAddress { get; set; }

    /// <summary>
    /// True for a page of figures that any area kept can be shown in (the address's ?area=); false for the partnership's
    /// own pages (its action plan, meeting and pack), which show the home area whatever the address says.
    /// </summary>
    protected virtual bool FollowsArea => false;

    /// <summary>The area the figures are asked for: null for the home area, else its name (also what links carry).</summary>
    protected string? Area { get; private set; }

    /// <summary>The area shown, by name (the home area's name when <see cref="Area"/> is null).</summary>
    protected string AreaName { get; private set; } = "";

    /// <summary>Why the address's area could not be shown, in words; null when it could.</summary>
    protected string? AreaProblem { get; private set; }

    protected DataOverview? Overview { get; private set; }
    protected FinancialQuarter? Period { get; private set; }
    protected TFigures? Figures { get; private set; }

    /// <summary>Why the address's period could not be shown, in words; null when it could.</summary>
    protected string? PeriodProblem { get; private set; }

    protected bool IsLoaded => Overview is not null;

    protected override string LoadFailedSentence => LoadFailedMessage;

    /// <summary>The page's figures for the period. Throwing shows <see cref="LoadFailedMessage"/>.</summary>
    protected abstract Task<TFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var areas = FollowsArea ? await FiguresService.GetAreasAsync(cancellationToken) : [];
        var area = FollowsArea ? AreaInView.Resolve(areas, AreaInAddress) : null;
        var overview = area?.Key is { } key
            ? await FiguresService.GetAreaOverviewAsync(key, cancellationToken) ?? await FiguresService.GetOverviewAsync(cancellationToken)
            : await FiguresService.GetOverviewAsync(cancellationToken);
        if (!IsLatest(cancellationToken)) return;
        Area = area?.Key;
        AreaName = area?.Name ?? "";
        var selection = PeriodChoice.Resolve(overview, Year, Quarter);
        var figures = selection.Period is { } period
            ? await LoadFiguresAsync(overview, period, cancellationToken)
            : null;
        if (!IsLatest(cancellationToken)) return;

        Overview = overview;
        Period = selection.Period;
        PeriodProblem = selection.Problem;
        AreaProblem = area?.Problem;
        Figures = figures;
        FiguresLoaded(figures);
        Context.ShowArea(areas, Area);
        Context.Show(overview, selection.Period);
    }

    /// <summary>Called as new figures are shown, before anything is drawn with them.</summary>
    protected virtual void FiguresLoaded(TFigures? figures)
    {
    }
}
