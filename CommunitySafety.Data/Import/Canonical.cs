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

/// <summary>
/// What a column's text means, worked out once per distinct text: a big file repeats the same few months, beats
/// and types on every row, so nearly every row is answered from here without making a string. Bounded, so a file
/// of all-different values costs no more memory than it would without it.
/// </summary>
internal sealed class FieldCache<T>
{
    private const int Limit = 65_536;
    private readonly Func<string, T> _meaning;
    private readonly Dictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _byText;
    private char[] _buffer = new char[128];

    // Files come sorted (police.uk by LSOA, extracts by month and beat), so a field often repeats the row before.
    private byte[] _lastBytes = new byte[128];
    private int _lastLength = -1;
    private T _lastValue = default!;

    public FieldCache(Func<string, T> meaning)
    {
        _meaning = meaning;
        _byText = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public T Get(CsvReader row, int column)
    {
        if (column < 0 || column >= row.FieldCount) return Of("");
        var bytes = row.GetSpan(column);
        if (bytes.Length == _lastLength && bytes.SequenceEqual(_lastBytes.AsSpan(0, _lastLength))) return _lastValue;

        if (bytes.Length > _buffer.Length) _buffer = new char[Math.Max(bytes.Length, _buffer.Length * 2)];
        var text = _buffer.AsSpan(0, row.GetChars(column, _buffer));
        var value = _byText.TryGetValue(text, out var known) ? known : Of(text.ToString());

        if (bytes.Length > _lastBytes.Length) _lastBytes = new byte[bytes.Length * 2];
        bytes.CopyTo(_lastBytes);
        _lastLength = bytes.Length;
        _lastValue = value;
        return value;
    }

    private T Of(string text)
    {
        if (_known.TryGetValue(text, out var value)) return value;
        value = _meaning(text);
        if (_known.Count < Limit) _known[text] = value;
        return value;
    }
}

/// <summary>
/// One aggregated count's key packed into a long, so counting a row is one cheap dictionary step:
/// month (14 bits), category (2), domestic (1), beat (16), crime type (15), location type (15).
/// </summary>
internal static class FactKey
{
    public const int MaxNames = 32_767;

    public static long Pack(YearMonth month, Category category, bool domestic, int beat, int crimeType, int locationType)
    {
        long monthIndex = (month.Year - 1900) * 12 + month.Month - 1;
        return monthIndex << 49 | (long)category << 47 | (domestic ? 1L : 0L) << 46
               | (long)beat << 30 | (long)(crimeType + 1) << 15 | (long)(locationType + 1);
    }

    public static NewFact Unpack(long key, int count, ImportNames names)
    {
        var monthIndex = (int)(key >> 49);
        var month = new YearMonth(1900 + monthIndex / 12, monthIndex % 12 + 1);
        var category = (Category)((key >> 47) & 0b11);
        var domestic = ((key >> 46) & 1) == 1;
        var beat = (int)((key >> 30) & 0xFFFF);
        var crimeType = (int)((key >> 15) & 0x7FFF) - 1;
        var locationType = (int)(key & 0x7FFF) - 1;
        var (area, beatName) = names.Beats.Of(beat);
        return new NewFact(month.Key, beatName, category, names.CrimeTypes.NameOf(crimeType),
            names.LocationTypes.NameOf(locationType), domestic, count, area);
    }

    /// <summary>The month and beat of a key, without making its names.</summary>
    public static (int Month, int Beat) MonthAndBeat(long key)
    {
        var monthIndex = (int)(key >> 49);
        return ((1900 + monthIndex / 12) * 100 + monthIndex % 12 + 1, (int)((key >> 30) & 0xFFFF));
    }
}
