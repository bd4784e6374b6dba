using System.Runtime.CompilerServices;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>The beats table's rows as HTML: each beat's (in any order), and the district's total.</summary>
public sealed class BeatsTableHtml(IReadOnlyDictionary<BeatRow, MarkupString> rows, MarkupString total)
{
    public MarkupString Row(BeatRow row) => rows[row];

    public MarkupString Total { get; } = total;
}

/// <summary>
/// The beats table's rows, rendered to HTML once for a data version's figures and shared by every open page showing
/// them. A beats page kept about a hundred render-tree frames a beat, twice over, and built them all again on every
/// change of data; now it keeps a markup frame a row, pointing at strings it shares. A row that did not change is the
/// same text, so a change of data sends a page only the rows that did; the headings stay buttons.
/// </summary>
public static class BeatsTable
{
    private static readonly ConditionalWeakTable<BeatsFigures, Task<BeatsTableHtml>> Rendered = new();

    /// <summary>
    /// The rows of <paramref name="figures"/>. The figures are shared per area and period, so <paramref name="period"/>,
    /// <paramref name="area"/> and <paramref name="areaTitle"/> must be theirs.
    /// </summary>
    public static async Task<BeatsTableHtml> HtmlAsync(BeatsFigures figures, FinancialQuarter? period, string? area, string areaTitle)
    {
        var task = Rendered.GetValue(figures, _ => RenderAsync(figures, period, area, areaTitle));
        try
        {
            return await task;
        }
        catch
        {
            if (Rendered.TryGetValue(figures, out var kept) && kept == task) Rendered.Remove(figures);
            throw;
        }
    }

    private static async Task<BeatsTableHtml> RenderAsync(BeatsFigures figures, FinancialQuarter? period, string? area, string areaTitle)
    {
        RenderFragment RowOf(BeatRow? beat) => builder =>
        {
            builder.OpenComponent<BeatsTableRow>(0);
            builder.AddComponentParameter(1, nameof(BeatsTableRow.Beat), beat);
            builder.AddComponentParameter(2, nameof(BeatsTableRow.Figures), figures);
            builder.AddComponentParameter(3, nameof(BeatsTableRow.Period), period);
            builder.AddComponentParameter(4, nameof(BeatsTableRow.Area), area);
            builder.AddComponentParameter(5, nameof(BeatsTableRow.AreaTitle), areaTitle);
            builder.CloseComponent();
        };
        var html = await StaticHtml.RenderAllAsync([.. figures.Rows.Select(RowOf), RowOf(null)]);
        var rows = new Dictionary<BeatRow, MarkupString>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < figures.Rows.Count; i++) rows[figures.Rows[i]] = new MarkupString(html[i]);
        return new BeatsTableHtml(rows, new MarkupString(html[^1]));
    }
}
