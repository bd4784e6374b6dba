namespace CommunitySafety.Data.Figures;

/// <summary>Beat, crime type and location type names match whatever their case.</summary>
internal static class Names
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static bool IsBlank(string? name) => string.IsNullOrWhiteSpace(name);
}

internal static class Ranking
{
    /// <summary>Largest current count first, then by name: the order of every list in the summary.</summary>
    public static IOrderedEnumerable<T> OrderByCount<T>(this IEnumerable<T> items, Func<T, int> current, Func<T, string> name) =>
        items.OrderByDescending(current).ThenBy(name, Names.Comparer);

    /// <summary>The names of the first <paramref name="count"/> items by count, leaving out those with none.</summary>
    public static IReadOnlyList<string> TopNames<T>(this IEnumerable<T> items, Func<T, int> current, Func<T, string> name, int count) =>
        items.Where(i => current(i) > 0).OrderByCount(current, name).Take(count).Select(name).ToList();
}
