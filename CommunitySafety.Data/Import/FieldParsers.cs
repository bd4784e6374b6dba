using System.Globalization;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Import;

/// <summary>The value forms of ../shared/spec/import-formats.md, read leniently where the spec allows.</summary>
internal static partial class FieldParsers
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.0+)?$")]
    private static partial System.Text.RegularExpressions.Regex ThousandsGrouping();

    public const string MonthForms = "a month such as 2023-04, 2023-04-01, 01/04/2023, 04/2023, Apr 2023 or April 2023";
    public const string CategoryForms = "ASB (or Anti-social behaviour), Crime or Incident";
    public const string DomesticForms = "Y/N, Yes/No, True/False, 1/0 or empty";
    public const string CountForms = "a whole number, 0 or more";

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, MM/YYYY, "Apr 2023", "April 2023"; the day and any time are ignored.</summary>
    public static bool TryParseMonth(string text, out YearMonth month)
    {
        month = default;
        var value = text.Trim();
        var space = value.IndexOf(' ');
        if (space > 0 && char.IsDigit(value[0]) && value.Contains(':')) value = value[..space]; // "01/04/2023 00:00"

        if (value.Length >= 7 && value[4] == '-') // 2023-04 or 2023-04-01
        {
            var parts = value.Split('-');
            if (parts.Length is 2 or 3 && TryInt(parts[0], out var y) && TryInt(parts[1], out var m)
                && (parts.Length == 2 || TryInt(parts[2], out var d) && DayExists(y, m, d)))
                return Make(y, m, out month);
            return false;
        }

        if (value.Contains('/'))
        {
            var parts = value.Split('/');
            if (parts.Length == 3 && TryInt(parts[0], out var d)
                && TryInt(parts[1], out var m) && TryInt(parts[2], out var y) && parts[2].Length == 4 && DayExists(y, m, d))
                return Make(y, m, out month);
            if (parts.Length == 2 && TryInt(parts[0], out m) && TryInt(parts[1], out y) && parts[1].Length == 4)
                return Make(y, m, out month);
            return false;
        }

        var words = value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && words[0].Length >= 3 && TryInt(words[1], out var year) && words[1].Length == 4)
        {
            var name = words[0].ToLowerInvariant();
            var index = Array.IndexOf(MonthNames, name[..3]);
            if (index >= 0 && IsMonthName(name, index)) return Make(year, index + 1, out month);
        }
        return false;
    }

    /// <summary>A day of a date is read only to check that the date exists: 31/02/2023 is a mistake, not February.</summary>
    private static bool DayExists(int year, int month, int day) =>
        year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>
    /// What a refused month value should have been: for a date that does not exist (31/02/2023, 2023-02-30), a date
    /// that does, naming the days of its month; otherwise the forms a month may take.
    /// </summary>
    public static string MonthExpected(string text)
    {
        var value = text.Trim();
        var space = value.IndexOf(' ');
        if (space > 0) value = value[..space];
        int y = 0, m = 0, d = 0;
        var parts = value.Split('-', '/');
        var isDate = parts.Length == 3 && (value.Length > 4 && value[4] == '-'
                ? TryInt(parts[0], out y) && TryInt(parts[1], out m) && TryInt(parts[2], out d)
                : parts[2].Length == 4 && TryInt(parts[0], out d) && TryInt(parts[1], out m) && TryInt(parts[2], out y));
        if (isDate && y is >= 1900 and <= 2999 && m is >= 1 and <= 12 && !DayExists(y, m, d))
            return $"a date that exists ({new YearMonth(y, m).ToDisplayString()} has {DateTime.DaysInMonth(y, m)} days), or {MonthForms}";
        return MonthForms;
    }

    private static bool IsMonthName(string word, int index)
    {
        var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[index].ToLowerInvariant();
        return word.Length == 3 || full == word || (index == 8 && word == "sept");
    }

    private static bool Make(int year, int monthNumber, out YearMonth month)
    {
        month = new YearMonth(year, monthNumber);
        return year is >= 1900 and <= 2999 && monthNumber is >= 1 and <= 12;
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryParseCategory(string text, out Category category)
    {
        var key = text.Trim().ToLowerInvariant().Replace('-', ' ');
        category = key switch
        {
            "asb" or "anti social behaviour" or "antisocial behaviour" or "anti social behavior" or "antisocial behavior" => Category.Asb,
            "crime" => Category.Crime,
            "incident" => Category.Incident,
            _ => 0,
        };
        return category != 0;
    }

    public static bool TryParseDomestic(string text, out bool domestic)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "y" or "yes" or "true" or "1":
                domestic = true;
                return true;
            case "" or "n" or "no" or "false" or "0":
                domestic = false;
                return true;
            default:
                domestic = false;
                return false;
        }
    }

    /// <summary>A whole number, 0 or more; empty means 1. "1,234" and "3.0" are read as Excel writes them; "2.5" and "-1" are not.</summary>
    public static bool TryParseCount(string text, out int count)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            count = 1;
            return true;
        }
        // Commas only as thousands separators ("1,200"): "2,5" is a decimal comma, not 25.
        if (value.Contains(',') && !ThousandsGrouping().IsMatch(value))
        {
            count = 0;
            return false;
        }
        if (int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count)) return count >= 0;
        // Spreadsheets sometimes write a whole number as "3.0".
        if (decimal.TryParse(value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number <= int.MaxValue)
        {
            count = (int)number;
            return true;
        }
        count = 0;
        return false;
    }
}
