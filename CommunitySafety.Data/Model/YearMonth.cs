using System.Globalization;

namespace CommunitySafety.Data.Model;

/// <summary>A calendar month, stored as the whole number yyyymm (202304) so that ranges compare in order.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int Key => Year * 100 + Month;

    public static YearMonth FromKey(int key) => new(key / 100, key % 100);

    public YearMonth AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    public int CompareTo(YearMonth other) => Key.CompareTo(other.Key);

    public static bool operator <(YearMonth a, YearMonth b) => a.Key < b.Key;
    public static bool operator >(YearMonth a, YearMonth b) => a.Key > b.Key;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Key <= b.Key;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Key >= b.Key;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var m = from; m <= to; m = m.AddMonths(1)) yield return m;
    }

    /// <summary>"2023-04", the form used in files, JSON and the command line.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>"Apr 2023", for people.</summary>
    public string ToDisplayString() => new DateTime(Year, Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static bool TryParseIso(string? text, out YearMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1900 || y > 2999 || m < 1 || m > 12) return false;
        month = new YearMonth(y, m);
        return true;
    }
}
