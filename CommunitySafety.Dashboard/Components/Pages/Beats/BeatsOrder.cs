using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>A column of the beats table that can order its rows.</summary>
public enum BeatColumn { Beat, Asb, AsbChange, Crime, CrimeChange, Domestic, DomesticChange, AsbRate, CrimeRate }

/// <summary>A sortable column: its heading and what it orders by (null for the beat's name).</summary>
public sealed record BeatSortColumn(BeatColumn Column, string Title, bool IsNumber, bool IsRate, Func<BeatRow, double?>? Value);

/// <summary>
/// The beats table's orders. Each order of a data version's rows is worked out once and shared by every open page that
/// shows it, so a page keeps only which column it is sorted by, not rows of its own. Beats without a figure come last
/// either way; ties go by name.
/// </summary>
public static class BeatsOrder
{
    public static readonly IReadOnlyList<BeatSortColumn> Columns =
    [
        new(BeatColumn.Beat, "Beat", false, false, null),
        new(BeatColumn.Asb, "ASB", true, false, r => r.Measures.Asb?.Current),
        new(BeatColumn.AsbChange, "ASB change", false, false, r => r.Measures.Asb?.ChangePercent),
        new(BeatColumn.Crime, "Crime", true, false, r => r.Measures.Crime?.Current),
        new(BeatColumn.CrimeChange, "Crime change", false, false, r => r.Measures.Crime?.ChangePercent),
        new(BeatColumn.Domestic, "Domestic", true, false, r => r.Measures.Domestic?.Current),
        new(BeatColumn.DomesticChange, "Domestic change", false, false, r => r.Measures.Domestic?.ChangePercent),
        new(BeatColumn.AsbRate, "ASB per 1,000 residents", true, true, r => r.Measures.Asb?.Rate),
        new(BeatColumn.CrimeRate, "Crime per 1,000 residents", true, true, r => r.Measures.Crime?.Rate),
    ];

    private static readonly ConditionalWeakTable<BeatsFigures, ConcurrentDictionary<(BeatColumn, bool), IReadOnlyList<BeatRow>>> Kept = new();

    /// <summary>The columns the table shows: the rates only where a population is known.</summary>
    public static IEnumerable<BeatSortColumn> Shown(BeatsFigures figures) => Columns.Where(c => !c.IsRate || figures.HasRates);

    public static IReadOnlyList<BeatRow> Rows(BeatsFigures figures, BeatColumn column, bool descending) =>
        Kept.GetValue(figures, _ => new()).GetOrAdd((column, descending), key => Order(figures.Rows, key.Item1, key.Item2));

    internal static IReadOnlyList<BeatRow> Order(IReadOnlyList<BeatRow> rows, BeatColumn column, bool descending)
    {
        var byName = rows.Order(Comparer<BeatRow>.Create((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name))).ToList();
        if (column == BeatColumn.Beat)
        {
            if (descending) byName.Reverse();
            return byName;
        }
        var value = Columns.Single(c => c.Column == column).Value!;
        var known = byName.Where(r => value(r) is not null);
        var ordered = descending ? known.OrderByDescending(r => value(r)!.Value) : known.OrderBy(r => value(r)!.Value);
        return [.. ordered, .. byName.Where(r => value(r) is null)];
    }
}
