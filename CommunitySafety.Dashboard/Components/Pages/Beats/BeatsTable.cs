using CommunitySafety.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>The beats table's figures as HTML: each beat's cells after its name (in any order), and the district's total's.</summary>
public sealed class BeatsTableHtml(IReadOnlyDictionary<BeatRow, MarkupString> rows, MarkupString total)
{
    public MarkupString Cells(BeatRow row) => rows[row];

    public MarkupString Total { get; } = total;
}

/// <summary>
/// The beats table's figures, rendered to HTML once for a data version's figures and shared by every open page showing
/// them. A beats page kept about a hundred render-tree frames a beat, twice over, and built them all again on every
/// change of data; now it keeps a dozen a row: the row, its link, and a markup frame pointing at text it shares. A row
/// whose figures did not change is the same text, so a change of data sends a page only the rows that did.
/// </summary>
public static class BeatsTable
{
    /// <summary>The HTML of <paramref name="figures"/>' rows, rendered by the first page to ask and shared like the figures.</summary>
    public static Task<BeatsTableHtml> HtmlAsync(BeatsFigures figures) =>
        SharedFigures<BeatsTableHtml>.GetAsync(figures, () => RenderAsync(figures));

    /// <summary>The HTML of <paramref name="figures"/>' rows once rendered (a page asks for it as it loads them); null before.</summary>
    public static BeatsTableHtml? Rendered(BeatsFigures figures) => SharedFigures<BeatsTableHtml>.Built(figures);

    private static async Task<BeatsTableHtml> RenderAsync(BeatsFigures figures)
    {
        RenderFragment CellsOf(BeatRow? beat) => builder =>
        {
            builder.OpenComponent<BeatsTableCells>(0);
            builder.AddComponentParameter(1, nameof(BeatsTableCells.Beat), beat);
            builder.AddComponentParameter(2, nameof(BeatsTableCells.Figures), figures);
            builder.CloseComponent();
        };
        var html = await StaticHtml.RenderAllAsync([.. figures.Rows.Select(CellsOf), CellsOf(null)]);
        var rows = new Dictionary<BeatRow, MarkupString>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < figures.Rows.Count; i++) rows[figures.Rows[i]] = new MarkupString(html[i]);
        return new BeatsTableHtml(rows, new MarkupString(html[^1]));
    }
}
