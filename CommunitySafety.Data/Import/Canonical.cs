namespace CommunitySafety.Data.Import;

/// <summary>
/// Spells a name the way it was first seen, so that "harborough north" and "Harborough North " are one beat,
/// and "criminal damage" joins "Criminal Damage".
/// </summary>
internal sealed class Canonical(IEnumerable<string> known)
{
    private readonly Dictionary<string, string> _names = known
        .DistinctBy(n => n, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

    /// <summary>Null for an empty value.</summary>
    public string? Of(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return null;
        if (_names.TryGetValue(trimmed, out var canonical)) return canonical;
        _names[trimmed] = trimmed;
        return trimmed;
    }
}

/// <summary>Parsing the same month text again and again is the commonest work of a big file: remember the last one.</summary>
internal sealed class MonthCache
{
    private string? _lastText;
    private Model.YearMonth _lastMonth;

    public bool TryParse(string text, out Model.YearMonth month)
    {
        if (ReferenceEquals(text, _lastText) || text == _lastText)
        {
            month = _lastMonth;
            return true;
        }
        if (!FieldParsers.TryParseMonth(text, out month)) return false;
        _lastText = text;
        _lastMonth = month;
        return true;
    }
}
