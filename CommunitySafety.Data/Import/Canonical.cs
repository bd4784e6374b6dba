using System.Runtime.CompilerServices;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Spells a name the way it was first seen, so that "harborough north" and "Harborough North " are one beat,
/// and "criminal damage" joins "Criminal Damage". Each name has exactly one string instance, which lets the
/// aggregation compare names by reference.
/// </summary>
internal sealed class Canonical(IEnumerable<string> known)
{
    private readonly Dictionary<string, string> _names = known
        .DistinctBy(n => n, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

    private readonly SeenStrings<string?> _seen = new();

    /// <summary>Null for an empty value.</summary>
    public string? Of(string value)
    {
        if (_seen.TryGet(value, out var known)) return known;
        var trimmed = value.Trim();
        string? canonical = null;
        if (trimmed.Length > 0 && !_names.TryGetValue(trimmed, out canonical))
        {
            canonical = trimmed;
            _names[trimmed] = trimmed;
        }
        _seen.Add(value, canonical);
        return canonical;
    }
}

/// <summary>
/// Answers again for a string instance seen before. The CSV reader hands out one pooled instance per distinct
/// value, so on a big file nearly every lookup is answered here by reference, without hashing the text.
/// Bounded, so a file of all-different values costs no more memory than it would without it.
/// </summary>
internal sealed class SeenStrings<T>
{
    private const int Limit = 4096;
    private readonly Dictionary<string, T> _byInstance = new(ReferenceEqualityComparer.Instance);

    public bool TryGet(string instance, out T value) => _byInstance.TryGetValue(instance, out value!);

    public void Add(string instance, T value)
    {
        if (_byInstance.Count < Limit) _byInstance[instance] = value;
    }
}

/// <summary>Parsing the same month text again and again is the commonest work of a big file: remember each one.</summary>
internal sealed class MonthCache
{
    private readonly SeenStrings<Model.YearMonth?> _seen = new();

    public bool TryParse(string text, out Model.YearMonth month)
    {
        if (!_seen.TryGet(text, out var known))
        {
            known = FieldParsers.TryParseMonth(text, out var parsed) ? parsed : null;
            _seen.Add(text, known);
        }
        month = known.GetValueOrDefault();
        return known.HasValue;
    }
}

/// <summary>Compares fact keys by the identity of their canonical strings: cheap, and exact because each name has one instance.</summary>
internal sealed class FactKeyComparer : IEqualityComparer<FactKey>
{
    public static readonly FactKeyComparer Instance = new();

    public bool Equals(FactKey a, FactKey b) =>
        a.Month == b.Month && a.Category == b.Category && a.Domestic == b.Domestic
        && ReferenceEquals(a.Beat, b.Beat) && ReferenceEquals(a.CrimeType, b.CrimeType) && ReferenceEquals(a.LocationType, b.LocationType);

    public int GetHashCode(FactKey key) => HashCode.Combine(
        key.Month, (int)key.Category, key.Domestic,
        RuntimeHelpers.GetHashCode(key.Beat),
        key.CrimeType is null ? 0 : RuntimeHelpers.GetHashCode(key.CrimeType),
        key.LocationType is null ? 0 : RuntimeHelpers.GetHashCode(key.LocationType));
}
