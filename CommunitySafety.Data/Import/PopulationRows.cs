using System.Globalization;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CsvHelper;

namespace CommunitySafety.Data.Import;

internal static class PopulationColumns
{
    public static readonly Column Population = new("Population", "Residents", "Usual Residents");
    public static readonly Column Year = new("Year", "Mid Year", "Estimate Year");
    public static readonly Column Area = new("Area", "CSP Area", "District");
    public static readonly Column Beat = new("Beat", "Beat Name");
    public static readonly Column LsoaCode = new("LSOA code", "LSOA21CD", "LSOA11CD");
    public static readonly Column LsoaName = new("LSOA name", "LSOA21NM", "LSOA11NM");
    public static readonly Column[] All = [Population, Year, Area, Beat, LsoaCode, LsoaName];
}

/// <summary>
/// Rows of a population file (areas-and-rates.md, "Population"): Population, and an LSOA (code or name), a Beat (with
/// its Area when several areas are kept) or an Area, and an optional Year. LSOAs are placed in their area and beat as
/// police.uk rows are (the beat map for the home area, else the neighbourhood); rows of areas not kept are skipped.
/// </summary>
internal sealed class PopulationRows : IRowReader
{
    private readonly FileCollector _collector;
    private readonly ImportNames _names;
    private readonly string[] _headers;
    private readonly int _population, _year, _area, _beat, _lsoaCode, _lsoaName;
    private readonly Dictionary<(int? Year, PopulationLevel Level, string Key), int> _seen = [];

    private PopulationRows(FileCollector collector, ImportNames names, string[] normalized, string[] original)
    {
        _collector = collector;
        _names = names;
        _headers = original;
        _population = PopulationColumns.Population.FindIn(normalized);
        _year = PopulationColumns.Year.FindIn(normalized);
        _area = PopulationColumns.Area.FindIn(normalized);
        _beat = PopulationColumns.Beat.FindIn(normalized);
        _lsoaCode = PopulationColumns.LsoaCode.FindIn(normalized);
        _lsoaName = PopulationColumns.LsoaName.FindIn(normalized);
    }

    public static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, ImportNames names)
    {
        collector.Format = ImportFormat.Population;
        var hasPlace = new[] { PopulationColumns.Area, PopulationColumns.Beat, PopulationColumns.LsoaCode, PopulationColumns.LsoaName }
            .Any(c => c.FindIn(normalized) >= 0);
        if (PopulationColumns.Population.FindIn(normalized) < 0 || !hasPlace)
        {
            collector.AddError(null, null, null,
                "A population file needs a Population column and one of Area, Beat, LSOA code or LSOA name (and may have a Year). " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        if (Column.Ambiguity(PopulationColumns.All, normalized, original) is { } ambiguity)
        {
            collector.AddError(null, null, null, ambiguity);
            return null;
        }
        return new PopulationRows(collector, names, normalized, original);
    }

    public void ReadRow(CsvReader row, int line)
    {
        var errors = _collector.TotalErrors;
        var populationText = Field(row, _population);
        if (!FieldParsers.TryParseCount(populationText, out var population) || populationText.Trim().Length == 0 || population <= 0)
            Error(row, line, _population, "a number of residents: a whole number above 0, such as 97600");

        int? year = null;
        var yearText = Field(row, _year).Trim();
        if (yearText.Length > 0)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) year = y;
            else Error(row, line, _year, "the year of a mid-year estimate, such as 2022 (used for 2022-23), or nothing for every year");
        }

        var areaText = Field(row, _area).Trim();
        var beatText = Field(row, _beat).Trim();
        var code = Field(row, _lsoaCode).Trim();
        var name = Field(row, _lsoaName).Trim();
        foreach (var (text, column) in new[] { (areaText, _area), (beatText, _beat), (name, _lsoaName) })
            if (text.Length > 0 && !NameTable.IsPrintable(text)) Error(row, line, column, "a name of " + NameTable.Rule);
        if (_collector.TotalErrors > errors) return;

        PopulationLevel level;
        string? area;
        string? beat;
        string key;
        if (code.Length > 0 || name.Length > 0)
        {
            level = PopulationLevel.Lsoa;
            key = code.Length > 0 ? code : name;
            if (_names.BeatMap?.BeatOf(code, name) is { } mapped)
            {
                (area, beat) = (null, mapped);
            }
            else if (name.Length == 0)
            {
                Error(row, line, _lsoaCode, "an LSOA code the beat map lists, or an LSOA name such as Harborough 001A beside it");
                return;
            }
            else
            {
                var areaOfName = AreaRules.AreaOfLsoaName(name);
                if (areaOfName is null)
                {
                    _collector.Skip(AreaRules.NoAreaReason);
                    return;
                }
                if (!_names.Areas.Keeps(areaOfName) || (_names.BeatMap is not null && _names.Areas.IsHome(areaOfName)))
                {
                    _collector.Skip(_names.Areas.HomeOnly ? $"outside {_names.Area}" : AreaRules.OutsideAreasKeptReason);
                    return;
                }
                (area, beat) = (_names.AreaKey(areaOfName), PoliceUkRows.Neighbourhood(name));
            }
        }
        else if (beatText.Length > 0)
        {
            (level, area, beat, key) = (PopulationLevel.Beat, AreaOf(areaText), beatText, areaText + "\n" + beatText);
            if (areaText.Length > 0 && !_names.Areas.Keeps(areaText))
            {
                _collector.Skip(_names.Areas.HomeOnly ? $"outside {_names.Area}" : AreaRules.OutsideAreasKeptReason);
                return;
            }
        }
        else if (areaText.Length > 0)
        {
            (level, area, beat, key) = (PopulationLevel.Area, AreaOf(areaText), null, areaText);
            if (!_names.Areas.Keeps(areaText))
            {
                _collector.Skip(_names.Areas.HomeOnly ? $"outside {_names.Area}" : AreaRules.OutsideAreasKeptReason);
                return;
            }
        }
        else
        {
            var column = new[] { _lsoaName, _lsoaCode, _beat, _area }.First(c => c >= 0);
            Error(row, line, column, "the LSOA, beat or area this population is of");
            return;
        }

        if (_seen.TryGetValue((year, level, key.ToUpperInvariant()), out var before))
        {
            Error(row, line, _population, $"each place once a year, but {key.Replace('\n', ' ')} is already on line {before}");
            return;
        }
        _seen[(year, level, key.ToUpperInvariant())] = line;
        _collector.KeepPopulation(new NewPopulation(year, level, area, beat, population));
    }

    private string? AreaOf(string areaText) => areaText.Length == 0 ? null : _names.AreaKey(areaText);

    private static string Field(CsvReader row, int index) => index >= 0 && index < row.FieldCount ? row.GetString(index) ?? "" : "";

    private void Error(CsvReader row, int line, int column, string expected) =>
        _collector.AddError(line, _headers[column], CsvFileReader.Shorten(Field(row, column)), expected);
}
