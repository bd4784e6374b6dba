namespace CommunitySafety.Dashboard.Components.Pages.Beats;

/// <summary>One page of the beats table: its rows, which page it is of how many, and what the status line says.</summary>
public sealed record BeatsPageOfRows(IReadOnlyList<BeatRow> Rows, int Page, int Pages, int First, int Last, int Matching, string? Find)
{
    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    /// <summary>What the status line says, and a screen reader hears when the page or the search changes.</summary>
    public string Status => Matching == 0
        ? $"No beat's name contains \"{Find}\"."
        : Find is null
            ? $"Showing beats {First:N0} to {Last:N0} of {Matching:N0}."
            : $"Showing beats {First:N0} to {Last:N0} of the {Matching:N0} whose name contains \"{Find}\".";
}

/// <summary>
/// The beats table a page at a time, so a district of hundreds of beats sends a phone fifty rows, not all of them, and
/// the rows can be found by a part of their name. The search comes first, then the order, then the page.
/// </summary>
public static class BeatsPaging
{
    public const int PageSize = 50;

    /// <summary>The numbered page buttons shown at most, before the middle ones give way to a gap.</summary>
    private const int AllNumbersUpTo = 7;

    /// <summary>Whether the table needs its search box and pages at all: only when its beats do not fit on one page.</summary>
    public static bool IsPaged(BeatsFigures figures) => figures.Rows.Count > PageSize;

    /// <summary>
    /// Page <paramref name="page"/> (from 1, held within the pages there are) of the <paramref name="ordered"/> rows whose name
    /// contains <paramref name="find"/>, ignoring case; every row when there is nothing to find.
    /// </summary>
    public static BeatsPageOfRows Page(IReadOnlyList<BeatRow> ordered, string? find, int page)
    {
        find = string.IsNullOrWhiteSpace(find) ? null : find.Trim();
        var matching = find is null ? ordered : ordered.Where(r => r.Name.Contains(find, StringComparison.OrdinalIgnoreCase)).ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var skip = (page - 1) * PageSize;
        var rows = matching.Skip(skip).Take(PageSize).ToList();
        return new BeatsPageOfRows(rows, page, pages, rows.Count == 0 ? 0 : skip + 1, skip + rows.Count, matching.Count, find);
    }

    /// <summary>
    /// The page numbers to offer: every page when there are few, otherwise the first, the last and those beside the current
    /// one, with null where pages are left out.
    /// </summary>
    public static IReadOnlyList<int?> Numbers(int page, int pages)
    {
        if (pages <= AllNumbersUpTo) return [.. Enumerable.Range(1, pages).Select(n => (int?)n)];
        var shown = new SortedSet<int> { 1, pages };
        for (var n = page - 1; n <= page + 1; n++)
            if (n >= 1 && n <= pages) shown.Add(n);
        var numbers = new List<int?>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1) numbers.Add(n == previous + 2 ? previous + 1 : null);
            numbers.Add(n);
            previous = n;
        }
        return numbers;
    }
}
