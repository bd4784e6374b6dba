using CommunitySafety.Data.Model;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>Rows of the beat extract: one incident a row, or an aggregate where Count is given.</summary>
internal sealed class BeatExtractRows : IRowReader
{
    private readonly FileCollector _collector;
    private readonly ImportNames _names;
    private readonly FieldCache<YearMonth?> _months = new(text => FieldParsers.TryParseMonth(text, out var m) ? m : null);
    private readonly FieldCache<int> _beats;
    private readonly Dictionary<string, FieldCache<int>> _beatsByArea = new(StringComparer.OrdinalIgnoreCase);
    private readonly FieldCache<string?> _areas;
    private readonly int _area;
    private readonly FieldCache<Category?> _categories = new(text => FieldParsers.TryParseCategory(text, out var c) ? c : null);
    private readonly FieldCache<int> _types;
    private readonly FieldCache<int> _locations;
    private readonly FieldCache<bool?> _domestics = new(text => FieldParsers.TryParseDomestic(text, out var d) ? d : null);
    private readonly FieldCache<int?> _counts = new(text => FieldParsers.TryParseCount(text, out var c) ? c : null);
    private readonly int _month, _beat, _category, _type, _location, _domestic, _count;
    private readonly string[] _headers;

    private BeatExtractRows(FileCollector collector, ImportNames names, string[] normalized, string[] original)
    {
        _collector = collector;
        _names = names;
        _headers = original;
        _beats = new FieldCache<int>(text => names.Beats.IdOf(names.ExtractArea, text));
        // An Area column puts each row in its area; "" is the area of the file, a name of an area not kept is skipped.
        _areas = new FieldCache<string?>(text => text.Trim().Length == 0 ? "" : NameTable.IsPrintable(text.Trim()) ? text.Trim() : null);
        _area = BeatExtractColumns.Area.FindIn(normalized);
        _types = new FieldCache<int>(names.CrimeTypes.IdOf);
        _locations = new FieldCache<int>(names.LocationTypes.IdOf);
        _month = BeatExtractColumns.Month.FindIn(normalized);
        _beat = BeatExtractColumns.Beat.FindIn(normalized);
        _category = BeatExtractColumns.Category.FindIn(normalized);
        _type = BeatExtractColumns.Type.FindIn(normalized);
        _location = BeatExtractColumns.LocationType.FindIn(normalized);
        _domestic = BeatExtractColumns.Domestic.FindIn(normalized);
        _count = BeatExtractColumns.Count.FindIn(normalized);
    }

    public static bool Recognises(string[] normalized) =>
        BeatExtractColumns.Beat.FindIn(normalized) >= 0 && BeatExtractColumns.Category.FindIn(normalized) >= 0;

    public static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, ImportNames names)
    {
        collector.Format = ImportFormat.BeatExtract;
        var missing = BeatExtractColumns.Required.Where(c => c.FindIn(normalized) < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            collector.AddError(null, null, null,
                $"This beat extract is missing the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        if (Column.Ambiguity(BeatExtractColumns.All, normalized, original) is { } ambiguity)
        {
            collector.AddError(null, null, null, ambiguity);
            return null;
        }

        var ignored = original.Where((_, i) => !BeatExtractColumns.All.Any(c => c.Matches(normalized[i]))).ToList();
        if (ignored.Count > 0)
            collector.Warnings.Add($"{collector.FileName}: columns not used by the dashboard were ignored: {CsvFileReader.ListForPeople(ignored)}.");
        return new BeatExtractRows(collector, names, normalized, original);
    }

    public void ReadRow(CsvReader row, int line)
    {
        var errors = _collector.TotalErrors;
        var month = _months.Get(row, _month);
        if (month is null) Error(row, line, _month, FieldParsers.MonthExpected(row.GetString(_month)));

        var beats = _beats;
        if (_area >= 0)
        {
            var area = _areas.Get(row, _area);
            if (area is null)
            {
                Error(row, line, _area, "an area name of " + NameTable.Rule);
                return;
            }
            if (area.Length > 0)
            {
                if (!_names.Areas.Keeps(area) && !string.Equals(area, _names.ExtractArea, StringComparison.OrdinalIgnoreCase))
                {
                    _collector.Skip(_names.Areas.HomeOnly ? $"outside {_names.Area} (Area column)" : AreaRules.OutsideAreasKeptReason);
                    return;
                }
                if (!_beatsByArea.TryGetValue(area, out var inArea))
                {
                    var areaKey = _names.AreaKey(area);
                    _beatsByArea[area] = inArea = new FieldCache<int>(text => _names.Beats.IdOf(areaKey, text));
                }
                beats = inArea;
            }
        }
        var beat = beats.Get(row, _beat);
        if (beat == NameTable.None) Error(row, line, _beat, "a beat name, such as Harborough North");
        else if (beat == NameTable.Invalid) Error(row, line, _beat, "a beat name of " + NameTable.Rule);

        var category = _categories.Get(row, _category);
        if (category is null) Error(row, line, _category, FieldParsers.CategoryForms);

        var type = _types.Get(row, _type);
        if (type == NameTable.Invalid) Error(row, line, _type, "a type name of " + NameTable.Rule);
        else if (category == Category.Crime && type == NameTable.None)
        {
            if (_type >= 0) Error(row, line, _type, "a crime type for a Crime row, such as Criminal Damage");
            else _collector.AddError(line, "Type", "", "a Type column giving the crime type of each Crime row, such as Criminal Damage");
        }

        var location = _locations.Get(row, _location);
        if (location == NameTable.Invalid) Error(row, line, _location, "a location type of " + NameTable.Rule);

        var domestic = _domestics.Get(row, _domestic);
        if (domestic is null) Error(row, line, _domestic, FieldParsers.DomesticForms);

        var count = _counts.Get(row, _count);
        if (count is null) Error(row, line, _count, FieldParsers.CountForms);

        if (_collector.TotalErrors > errors) return;
        var key = FactKey.Pack(month!.Value, category!.Value, domestic!.Value, beat, type, location);
        _collector.Keep(month.Value, key, count!.Value, _domestic >= 0, _location >= 0);
    }

    private void Error(CsvReader row, int line, int column, string expected) =>
        _collector.AddError(line, _headers[column], CsvFileReader.Shorten(row.GetString(column)), expected);
}
