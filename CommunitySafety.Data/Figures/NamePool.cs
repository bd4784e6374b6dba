namespace CommunitySafety.Data.Figures;

/// <summary>
/// One string instance per name, whatever its case, spelt as first seen: the facts of a version share their beat,
/// crime type and location type names, and compare them ordinally from then on.
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
}
