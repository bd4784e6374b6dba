using System.Globalization;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CsvHelper;

namespace CommunitySafety.Data.Import;

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
