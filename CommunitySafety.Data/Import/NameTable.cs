using System.Globalization;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Names with small whole-number ids, each spelt the way it was first seen, so that "harborough north" and
/// "Harborough North " are one beat and "criminal damage" joins "Criminal Damage".
/// </summary>
internal sealed class NameTable
{
    public const int None = -1;

    /// <summary>The id of a name that cannot be one: too long, or holding control characters.</summary>
    public const int Invalid = -3;

    /// <summary>What a name must be, as the end of "expected ...".</summary>
    public static readonly string Rule =
        $"at most {ImportLimits.MaxNameLength} characters of printable text (no tabs, line breaks or other control characters)";

    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

    public NameTable(IEnumerable<string> known)
    {
        foreach (var name in known) Add(name.Trim());
    }

    /// <summary><see cref="None"/> for an empty value, <see cref="Invalid"/> for one that breaks <see cref="Rule"/>.</summary>
    public int IdOf(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return None;
        if (_ids.TryGetValue(trimmed, out var id)) return id;
        if (!IsPrintable(trimmed)) return Invalid;
        return Add(trimmed);
    }

    /// <summary>A name of at most <see cref="ImportLimits.MaxNameLength"/> characters, none of them a control or formatting character.</summary>
    public static bool IsPrintable(string name)
    {
        if (name.Length > ImportLimits.MaxNameLength) return false;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogatePair(name, i))
            {
                i++;
                continue;
            }
            if (char.GetUnicodeCategory(name[i]) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
                return false;
        }
        return true;
    }

    private int Add(string trimmed)
    {
        if (trimmed.Length == 0) return None;
        if (_ids.TryGetValue(trimmed, out var id)) return id;
        if (_names.Count >= FactKey.MaxNames) throw new TooManyNamesException(_names.Count);
        id = _names.Count;
        _names.Add(trimmed);
        _ids[trimmed] = id;
        return id;
    }

    public string? NameOf(int id) => id == None ? null : _names[id];
}

/// <summary>More different beats or types than any district has: the column is almost certainly free text.</summary>
internal sealed class TooManyNamesException(int count) : Exception($"More than {count:N0} different values")
{
    public int Count { get; } = count;
}
