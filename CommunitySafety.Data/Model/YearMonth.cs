using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace CommunitySafety.Data.Model;

/// <summary>
/// A calendar month, stored as the whole number yyyymm (202304) so that ranges compare in order, and written "2023-04"
/// in JSON.
/// </summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
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

    /// <summary>"April 2023", for the narrative and the report.</summary>
    public string ToLongDisplayString() => new DateTime(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

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

/// <summary>"2023-04" in JSON, as files and the command line write a month.</summary>
public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.TryParseIso(reader.GetString(), out var month) ? month : throw new JsonException("A month is written like 2023-04.");

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
