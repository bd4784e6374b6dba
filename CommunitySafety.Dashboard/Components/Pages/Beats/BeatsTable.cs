using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>
/// The beats table's rows and district total as HTML, rendered once for each order of a data version's figures and
/// shared by every open page showing them. A beats page kept about a hundred render-tree frames a beat, twice over, and
/// redrew them all on every change of data; now it keeps one string it shares, and its headings stay buttons.
/// </summary>
public static class BeatsTable
{
    private static readonly ConditionalWeakTable<BeatsFigures, ConcurrentDictionary<(BeatColumn, bool), Task<MarkupString>>> Rendered = new();

    /// <summary>
    /// The table's body and foot for <paramref name="figures"/> in the order asked. The figures are shared per area and
    /// period, so <paramref name="period"/>, <paramref name="area"/> and <paramref name="areaTitle"/> must be theirs.
    /// </summary>
    public static async Task<MarkupString> BodyAsync(
        BeatsFigures figures, BeatColumn column, bool descending, FinancialQuarter? period, string? area, string areaTitle)
    {
        var kept = Rendered.GetValue(figures, _ => new());
        var task = kept.GetOrAdd((column, descending), key => StaticHtml.RenderAsync(builder =>
        {
            builder.OpenComponent<BeatsTableBody>(0);
            builder.AddComponentParameter(1, nameof(BeatsTableBody.Figures), figures);
            builder.AddComponentParameter(2, nameof(BeatsTableBody.Rows), BeatsOrder.Rows(figures, key.Item1, key.Item2));
            builder.AddComponentParameter(3, nameof(BeatsTableBody.Period), period);
            builder.AddComponentParameter(4, nameof(BeatsTableBody.Area), area);
            builder.AddComponentParameter(5, nameof(BeatsTableBody.AreaTitle), areaTitle);
            builder.CloseComponent();
        }));
        try
        {
            return await task;
        }
        catch
        {
            kept.TryRemove(new KeyValuePair<(BeatColumn, bool), Task<MarkupString>>((column, descending), task));
            throw;
        }
    }
}
