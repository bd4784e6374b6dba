using CommunitySafety.Data.Model;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Rows of a police.uk street-level file: one crime or ASB incident a row. Only rows inside the area are kept,
/// grouped into beats by the beat map or, without one, into neighbourhoods (the LSOA name less its final letter).
/// </summary>
internal sealed class PoliceUkRows : IRowReader
{
    private const string AsbCrimeType = "Anti-social behaviour";

    private readonly FileCollector _collector;
    private readonly ImportNames _names;
    private readonly MonthCache _months = new();
    private readonly SeenStrings<string?> _beatOfLsoa = new();
    private readonly int _month, _lsoaCode, _lsoaName, _crimeType;
    private readonly string _outsideReason, _noLsoaReason;
    private readonly string[] _headers;

    private PoliceUkRows(FileCollector collector, ImportNames names, string[] normalized, string[] original)
    {
        _collector = collector;
        _names = names;
        _headers = original;
        _month = PoliceUkColumns.Month.FindIn(normalized);
        _lsoaCode = PoliceUkColumns.LsoaCode.FindIn(normalized);
        _lsoaName = PoliceUkColumns.LsoaName.FindIn(normalized);
        _crimeType = PoliceUkColumns.CrimeType.FindIn(normalized);
        _outsideReason = names.BeatMap is null
            ? $"outside {names.Area} (LSOA name does not start with '{names.Area}')"
            : $"outside {names.Area} (LSOA not in the beat map)";
        _noLsoaReason = "no location (no LSOA given)";
    }

    public static bool Recognises(string[] normalized) =>
        PoliceUkColumns.CrimeType.FindIn(normalized) >= 0
        && (PoliceUkColumns.LsoaCode.FindIn(normalized) >= 0 || PoliceUkColumns.LsoaName.FindIn(normalized) >= 0);

    public static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, ImportNames names)
    {
        collector.Format = ImportFormat.PoliceUk.ToName();
        var required = new List<Column> { PoliceUkColumns.Month, PoliceUkColumns.CrimeType };
        if (names.BeatMap is null || !names.BeatMap.HasCodes) required.Add(PoliceUkColumns.LsoaName);
        else if (!names.BeatMap.HasNames) required.Add(PoliceUkColumns.LsoaCode);
        else if (PoliceUkColumns.LsoaCode.FindIn(normalized) < 0) required.Add(PoliceUkColumns.LsoaName);

        var missing = required.Where(c => c.FindIn(normalized) < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            collector.AddError(null, null, null,
                $"This police.uk file is missing the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        return new PoliceUkRows(collector, names, normalized, original);
    }

    public void ReadRow(CsvReader row, int line)
    {
        var code = Field(row, _lsoaCode);
        var name = Field(row, _lsoaName);
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(name))
        {
            _collector.Skip(_noLsoaReason);
            return;
        }

        var beat = BeatOf(code, name);
        if (beat is null)
        {
            _collector.Skip(_outsideReason);
            return;
        }

        var errors = _collector.TotalErrors;
        var monthText = Field(row, _month);
        if (!_months.TryParse(monthText, out var month)) Error(line, _month, monthText, FieldParsers.MonthForms);

        var crimeType = _names.CrimeTypes.Of(Field(row, _crimeType));
        if (crimeType is null) Error(line, _crimeType, "", "a police.uk crime type, such as Burglary or Anti-social behaviour");

        if (_collector.TotalErrors > errors) return;
        var isAsb = string.Equals(crimeType, AsbCrimeType, StringComparison.OrdinalIgnoreCase);
        var key = new FactKey(month.Key, beat, isAsb ? Category.Asb : Category.Crime, isAsb ? null : crimeType, null, false);
        _collector.Keep(key, 1, hasDomestic: false, hasLocationType: false);
    }

    private string? BeatOf(string code, string name)
    {
        var lookup = code.Length > 0 ? code : name;
        if (_beatOfLsoa.TryGet(lookup, out var known)) return known;

        code = code.Trim();
        name = name.Trim();
        string? beat;
        if (_names.BeatMap is { } map) beat = map.BeatOf(code, name);
        else if (name.StartsWith(_names.Area + " ", StringComparison.OrdinalIgnoreCase)) beat = Neighbourhood(name);
        else beat = null;

        beat = beat is null ? null : _names.Beats.Of(beat);
        _beatOfLsoa.Add(lookup, beat);
        return beat;
    }

    /// <summary>"Harborough 001A" is in neighbourhood "Harborough 001".</summary>
    private static string Neighbourhood(string lsoaName) =>
        lsoaName.Length > 1 && char.IsLetter(lsoaName[^1]) ? lsoaName[..^1].TrimEnd() : lsoaName;

    private static string Field(CsvReader row, int index) => index >= 0 && index < row.FieldCount ? row.GetString(index) : "";

    private void Error(int line, int index, string value, string expected) =>
        _collector.AddError(line, _headers[index], CsvFileReader.Shorten(value), expected);
}
