using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Pages.Compare;

/// <summary>The area against its group of similar areas, per 1,000 residents (areas-and-rates.md); a Manager chooses the group here.</summary>
public partial class ComparePage
{
    public const string MeasureKey = "measure";

    private readonly HashSet<string> _chosen = new(StringComparer.OrdinalIgnoreCase);
    private bool _saving;
    private string? _groupMessage;
    private bool _groupFailed;

    [Inject] private ComparisonGroupChoice GroupChoice { get; set; } = null!;
    [Inject] private CurrentPerson CurrentPerson { get; set; } = null!;
    [Inject] private ILogger<ComparePage> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = MeasureKey)] public string? Measure { get; set; }

    protected override bool FollowsArea => true;

    protected override Task<ComparisonFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken) =>
        ComparisonFigures.LoadAsync(FiguresService, Area, overview, period, Measure, cancellationToken);

    protected override void FiguresLoaded(ComparisonFigures? figures)
    {
        if (figures is null || _saving) return;
        _chosen.Clear();
        _chosen.UnionWith(figures.ChosenGroup ?? []);
    }

    private void ChooseMeasure(string key) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(MeasureKey, key == "asb" ? null : key));

    private static string GroupSentence(ComparisonFigures figures)
    {
        var c = figures.Comparison;
        if (c.Group.Areas.Count == 0) return "There is no group: no other area is kept.";
        return figures.ChosenGroup is null
            ? $"The group is every other area the dashboard keeps: {Words.And(c.Group.Areas)}. A Manager can choose a group of similar areas."
            : $"The group, chosen by a Manager: {Words.And(c.Group.Areas)}.";
    }

    private static int RankedCount(Comparison c) => new[] { c.Area }.Concat(c.Areas).Count(a => a.Rank is not null);

    private static string Count(int? value) => value is int v ? MeasureView.Count(v) : "no data";

    private static string Population(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string ChangePercentText(double? percent) =>
        percent is double p ? p.ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";

    private void Toggle(string area, bool on)
    {
        if (on) _chosen.Add(area);
        else _chosen.Remove(area);
    }

    private Task KeepGroupAsync() => SaveGroupAsync([.. _chosen]);

    private Task ClearGroupAsync() => SaveGroupAsync([]);

    private async Task SaveGroupAsync(IReadOnlyList<string> members)
    {
        if (Figures is null) return;
        _saving = true;
        _groupMessage = null;
        try
        {
            var area = Figures.Comparison.Area.Area;
            var kept = await GroupChoice.ChooseAsync(await CurrentPerson.GetAsync(), area, members);
            _groupFailed = false;
            _groupMessage = kept.Count == 0
                ? $"Kept: {area} is compared with every other area."
                : $"Kept: {area} is compared with {Words.And(kept)}.";
        }
        catch (UnauthorizedAccessException refused)
        {
            (_groupFailed, _groupMessage) = (true, refused.Message);
        }
        catch (ComparisonProblem problem)
        {
            (_groupFailed, _groupMessage) = (true, char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Keeping a comparison group failed");
            (_groupFailed, _groupMessage) = (true, "The group could not be kept just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.");
        }
        finally
        {
            _saving = false;
        }
        await ReloadAsync();
    }
}
