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
    private readonly FieldCache<YearMonth?> _months = new(text => FieldParsers.TryParseMonth(text, out var m) ? m : null);
    private readonly FieldCache<int> _beatOfCode;
    private readonly FieldCache<int> _beatOfName;
    private readonly FieldCache<(Category Category, int Type)> _crimeTypes;
    private readonly int _month, _lsoaCode, _lsoaName, _crimeType;
    private readonly string _outsideReason, _outsideMapReason, _noLsoaReason;
    private readonly string[] _headers;

    private PoliceUkRows(FileCollector collector, ImportNames names, string[] normalized, string[] original)
    {
        _collector = collector;
        _names = names;
        _headers = original;
        _beatOfCode = new FieldCache<int>(code => BeatOf(code, ""));
        _beatOfName = new FieldCache<int>(name => BeatOf("", name));
        _crimeTypes = new FieldCache<(Category, int)>(text =>
        {
            var isAsb = string.Equals(text.Trim(), AsbCrimeType, StringComparison.OrdinalIgnoreCase);
            return isAsb ? (Category.Asb, NameTable.None) : (Category.Crime, names.CrimeTypes.IdOf(text));
        });
        _month = PoliceUkColumns.Month.FindIn(normalized);
        _lsoaCode = PoliceUkColumns.LsoaCode.FindIn(normalized);
        _lsoaName = PoliceUkColumns.LsoaName.FindIn(normalized);
        _crimeType = PoliceUkColumns.CrimeType.FindIn(normalized);
        _outsideReason = !names.Areas.HomeOnly
            ? AreaRules.OutsideAreasKeptReason
            : names.BeatMap is null
                ? $"outside {names.Area} (LSOA name does not start with '{names.Area}')"
                : $"outside {names.Area} (LSOA not in the beat map)";
        _outsideMapReason = $"outside {names.Area} (LSOA not in the beat map)";
        _noLsoaReason = "no location (no LSOA given)";
    }

    public static bool Recognises(string[] normalized) =>
        PoliceUkColumns.CrimeType.FindIn(normalized) >= 0
        && (PoliceUkColumns.LsoaCode.FindIn(normalized) >= 0 || PoliceUkColumns.LsoaName.FindIn(normalized) >= 0);

    public static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, ImportNames names)
    {
        collector.Format = ImportFormat.PoliceUk;
        var required = new List<Column> { PoliceUkColumns.Month, PoliceUkColumns.CrimeType };
        if (names.BeatMap is null || !names.BeatMap.HasCodes) required.Add(PoliceUkColumns.LsoaName);
        else if (!names.BeatMap.HasNames) required.Add(PoliceUkColumns.LsoaCode);
        else if (PoliceUkColumns.LsoaCode.FindIn(normalized) < 0) required.Add(PoliceUkColumns.LsoaName);

        var missing = required.Where(c => c.FindIn(normalized) < 0).Select(c => c.Name).ToList();
        if (PoliceUkColumns.LsoaCode.FindIn(normalized) < 0 && PoliceUkColumns.LsoaName.FindIn(normalized) < 0)
        {
            // Without an LSOA no row can be placed in a beat or known to be inside the area.
            var others = missing.Where(m => m != PoliceUkColumns.LsoaCode.Name && m != PoliceUkColumns.LsoaName.Name).ToList();
            collector.AddError(null, null, null,
                "This police.uk file is missing the LSOA columns (LSOA code and LSOA name)" +
                (others.Count > 0 ? $", and the column{(others.Count > 1 ? "s" : "")} {string.Join(", ", others)}" : "") +
                ", so its rows cannot be placed in beats. Download the street-level crime file from police.uk again: it has them. " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        if (missing.Count > 0)
        {
            collector.AddError(null, null, null,
                $"This police.uk file is missing the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        if (Column.Ambiguity([PoliceUkColumns.Month, PoliceUkColumns.LsoaCode, PoliceUkColumns.LsoaName, PoliceUkColumns.CrimeType], normalized, original) is { } ambiguity)
        {
            collector.AddError(null, null, null, ambiguity);
            return null;
        }
        return new PoliceUkRows(collector, names, normalized, original);
    }

    public void ReadRow(CsvReader row, int line)
    {
        var beat = _lsoaCode >= 0 ? _beatOfCode.Get(row, _lsoaCode) : NoLsoa;
        if (beat < 0 && _lsoaName >= 0)
        {
            var byName = _beatOfName.Get(row, _lsoaName);
            if (byName >= 0 || beat == NoLsoa) beat = byName;
        }
        if (beat == NameTable.Invalid)
        {
            Error(row, line, _lsoaName >= 0 ? _lsoaName : _lsoaCode, "an LSOA name of " + NameTable.Rule);
            return;
        }
        if (beat < 0)
        {
            _collector.Skip(beat switch
            {
                NoLsoa => _noLsoaReason,
                NoArea => AreaRules.NoAreaReason,
                OutsideMap => _outsideMapReason,
                _ => _outsideReason,
            });
            return;
        }

        var errors = _collector.TotalErrors;
        var month = _months.Get(row, _month);
        if (month is null) Error(row, line, _month, FieldParsers.MonthExpected(row.GetString(_month)));

        var (category, type) = _crimeTypes.Get(row, _crimeType);
        if (type == NameTable.Invalid) Error(row, line, _crimeType, "a crime type of " + NameTable.Rule);
        else if (category == Category.Crime && type == NameTable.None)
            Error(row, line, _crimeType, "a police.uk crime type, such as Burglary or Anti-social behaviour");

        if (_collector.TotalErrors > errors) return;
        _collector.Keep(month!.Value, FactKey.Pack(month.Value, category, false, beat, type, NameTable.None), 1,
            hasDomestic: false, hasLocationType: false);
    }

    private const int NoLsoa = -1;
    private const int Outside = -2;
    private const int NoArea = -4;
    private const int OutsideMap = -5;

    /// <summary>
    /// The beat's id: in the home area through its beat map when there is one, else in the area of the LSOA name (the
    /// name without its last word) by neighbourhood. <see cref="Outside"/> for an area not kept, <see cref="OutsideMap"/>
    /// for a home LSOA the beat map leaves out, <see cref="NoArea"/> for a name of no area, <see cref="NoLsoa"/> when none is given.
    /// </summary>
    private int BeatOf(string code, string name)
    {
        code = code.Trim();
        name = name.Trim();
        if (code.Length == 0 && name.Length == 0) return NoLsoa;

        var map = _names.BeatMap;
        if (map?.BeatOf(code, name) is { } mapped) return _names.Beats.IdOf(null, mapped);
        if (name.Length == 0) return map is null ? NoLsoa : Outside; // without a map, a code alone says nothing: try the name
        var area = AreaRules.AreaOfLsoaName(name);
        if (area is null) return NoArea;
        if (!_names.Areas.Keeps(area))
        {
            if (!_names.Areas.HomeOnly && _collector.AreasNotKept.Count < 1000) _collector.AreasNotKept.Add(area); // home only: the skip reason says it
            return Outside;
        }
        if (_names.Areas.IsHome(area))
            return map is null ? _names.Beats.IdOf(null, Neighbourhood(name)) : _names.Areas.HomeOnly ? Outside : OutsideMap;
        return _names.Beats.IdOf(_names.AreaKey(area), Neighbourhood(name)); // other areas are grouped by neighbourhood
    }

    /// <summary>"Harborough 001A" is in neighbourhood "Harborough 001".</summary>
    internal static string Neighbourhood(string lsoaName) =>
        lsoaName.Length > 1 && char.IsLetter(lsoaName[^1]) ? lsoaName[..^1].TrimEnd() : lsoaName;

    private void Error(CsvReader row, int line, int column, string expected) =>
        _collector.AddError(line, _headers[column], CsvFileReader.Shorten(column < row.FieldCount ? row.GetString(column) : ""), expected);
}
