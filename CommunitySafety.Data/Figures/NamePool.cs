namespace CommunitySafety.Data.Figures;

/// <summary>
/// One string instance per name, whatever its case, spelt as first seen: the facts of a version share their beat,
/// crime type and location type names, and compare them ordinally from then on. A pool is added to only while its live
/// data is being read (one read at a time), and is carried to the next version's read with the facts it keeps.
/// </summary>
internal sealed class NamePool
{
    private readonly Dictionary<string, string> _names = new(Names.Comparer);

    public string Of(string name)
    {
        if (_names.TryGetValue(name, out var known)) return known;
        _names.Add(name, name);
        return name;
    }

    public string? OfOptional(string? name) => name is null ? null : Of(name);

    /// <summary>The name as the pool spells it; null when the pool has not seen it.</summary>
    public string? Spelling(string name) => _names.GetValueOrDefault(name);
}
