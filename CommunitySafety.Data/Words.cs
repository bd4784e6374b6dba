namespace CommunitySafety.Data;

/// <summary>Small pieces of English shared by the narrative, the warnings and the pages.</summary>
public static class Words
{
    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string And(IEnumerable<string> items)
    {
        var list = items as IReadOnlyList<string> ?? items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
