using CommunitySafety.Data.Model;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>Rows of the beat extract: one incident a row, or an aggregate where Count is given.</summary>
internal sealed class BeatExtractRows : IRowReader
{
    private readonly FileCollector _collector;
    private readonly ImportNames _names;
    private readonly MonthCache _months = new();
    private readonly int _month, _beat, _category, _type, _location, _domestic, _count;
    private readonly string[] _headers;

    private BeatExtractRows(FileCollector collector, ImportNames names, string[] normalized, string[] original)
    {
        _collector = collector;
        _names = names;
        _headers = original;
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
        collector.Format = ImportFormat.BeatExtract.ToName();
        var missing = BeatExtractColumns.Required.Where(c => c.FindIn(normalized) < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            collector.AddError(null, null, null,
                $"This beat extract is missing the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. " +
                $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
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
        var monthText = Field(row, _month);
        if (!_months.TryParse(monthText, out var month)) Error(line, _month, monthText, FieldParsers.MonthForms);

        var beatText = Field(row, _beat);
        var beat = _names.Beats.Of(beatText);
        if (beat is null) Error(line, _beat, beatText, "a beat name, such as Harborough North");

        var categoryText = Field(row, _category);
        if (!FieldParsers.TryParseCategory(categoryText, out var category)) Error(line, _category, categoryText, FieldParsers.CategoryForms);

        var typeText = Field(row, _type);
        var type = _names.CrimeTypes.Of(typeText);
        if (category == Category.Crime && type is null)
            Error(line, _type >= 0 ? _type : _category, typeText, "a crime type for a Crime row, such as Criminal Damage", _type < 0 ? "Type" : null);

        var location = _names.LocationTypes.Of(Field(row, _location));

        var domesticText = Field(row, _domestic);
        if (!FieldParsers.TryParseDomestic(domesticText, out var domestic)) Error(line, _domestic, domesticText, FieldParsers.DomesticForms);

        var countText = Field(row, _count);
        if (!FieldParsers.TryParseCount(countText, out var count)) Error(line, _count, countText, FieldParsers.CountForms);

        if (_collector.TotalErrors > errors) return;
        _collector.Keep(new FactKey(month.Key, beat!, category, type, location, domestic), count, _domestic >= 0, _location >= 0);
    }

    private static string Field(CsvReader row, int index) => index >= 0 && index < row.FieldCount ? row.GetString(index) : "";

    private void Error(int line, int index, string value, string expected, string? columnName = null) =>
        _collector.AddError(line, columnName ?? _headers[index], CsvFileReader.Shorten(value), expected);
}
