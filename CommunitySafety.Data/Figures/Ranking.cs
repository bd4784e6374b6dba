namespace CommunitySafety.Data.Figures;

/// <summary>The order of every list in the summary.</summary>
internal static class Ranking
{
    /// <summary>Largest current count first, then by name: the order of every list in the summary.</summary>
    public static IOrderedEnumerable<T> OrderByCount<T>(this IEnumerable<T> items, Func<T, int> current, Func<T, string> name) =>
        items.OrderByDescending(current).ThenBy(name, Names.Comparer);

    /// <summary>The names of the first <paramref name="count"/> items by count, leaving out those with none.</summary>
    public static IReadOnlyList<string> TopNames<T>(this IEnumerable<T> items, Func<T, int> current, Func<T, string> name, int count) =>
        items.Where(i => current(i) > 0).OrderByCount(current, name).Take(count).Select(name).ToList();
}
