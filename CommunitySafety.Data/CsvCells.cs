namespace CommunitySafety.Data;

/// <summary>
/// Cells of the CSV files the dashboard writes (the OPCC return, the import error report): RFC 4180 quoting, and
/// text a spreadsheet would run as a formula made harmless. One place, so every export has the same guard.
/// </summary>
public static class CsvCells
{
    /// <summary>True for text a spreadsheet would take as a formula: starting with =, +, - or @ (or a tab or return before one).</summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Text that looks like a formula, with a single quote before it so that it stays text.</summary>
    public static string Neutralise(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";

    /// <summary>A text cell: neutralised, then quoted.</summary>
    public static string Text(string? text) => string.IsNullOrEmpty(text) ? "" : Quote(Neutralise(text));
}
