using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Which beat each LSOA belongs to, from a CSV with the columns "LSOA code" (or "LSOA name") and "Beat".
/// The map may list both the 2011 and the 2021 census codes of an area.
/// </summary>
public sealed class BeatMap
{
    private readonly Dictionary<string, string> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public bool HasCodes => _byCode.Count > 0;
    public bool HasNames => _byName.Count > 0;
    public int Count => Math.Max(_byCode.Count, _byName.Count);

    public IReadOnlyDictionary<string, string> ByCode => _byCode;
    public IReadOnlyDictionary<string, string> ByName => _byName;

    public string? BeatOf(string lsoaCode, string lsoaName)
    {
        if (lsoaCode.Length > 0 && _byCode.TryGetValue(lsoaCode, out var beat)) return beat;
        if (lsoaName.Length > 0 && _byName.TryGetValue(lsoaName, out beat)) return beat;
        return null;
    }

    /// <summary>Reads a beat map file; on any problem, the errors say what and where, and the map is null.</summary>
    public static (BeatMap? Map, IReadOnlyList<ImportError> Errors) Load(ImportSource source)
    {
        var map = new BeatMap();
        var collector = CsvFileReader.Read(
            source,
            () => new FileCollector(source.Name, maxErrorsKept: 1000),
            (normalized, original, c) => Rows.Start(normalized, original, c, map = new BeatMap()));
        return collector.Errors.Count > 0 ? (null, collector.Errors) : (map, collector.Errors);
    }

    private sealed class Rows(FileCollector collector, BeatMap map, string[] headers, int code, int name, int beat) : IRowReader
    {
        public static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, BeatMap map)
        {
            var code = BeatMapColumns.LsoaCode.FindIn(normalized);
            var name = BeatMapColumns.LsoaName.FindIn(normalized);
            var beat = BeatMapColumns.Beat.FindIn(normalized);
            if (beat < 0 || (code < 0 && name < 0))
            {
                collector.AddError(null, null, null,
                    "A beat map needs the columns 'LSOA code' (or 'LSOA name') and 'Beat'. " +
                    $"The columns found are: {CsvFileReader.ListForPeople(original)}.");
                return null;
            }
            if (Column.Ambiguity([BeatMapColumns.LsoaCode, BeatMapColumns.LsoaName, BeatMapColumns.Beat], normalized, original) is { } ambiguity)
            {
                collector.AddError(null, null, null, ambiguity);
                return null;
            }
            return new Rows(collector, map, original, code, name, beat);
        }

        public void ReadRow(CsvReader row, int line)
        {
            var beatName = Field(row, beat).Trim();
            var codeText = Field(row, code).Trim();
            var nameText = Field(row, name).Trim();
            if (beatName.Length == 0)
            {
                collector.AddError(line, headers[beat], "", "the name of the beat this LSOA belongs to");
                return;
            }
            if (!NameTable.IsPrintable(beatName))
            {
                collector.AddError(line, headers[beat], CsvFileReader.Shorten(beatName), "a beat name of " + NameTable.Rule);
                return;
            }
            if (codeText.Length == 0 && nameText.Length == 0)
            {
                collector.AddError(line, headers[code >= 0 ? code : name], "", "an LSOA code such as E01025770 or an LSOA name such as Harborough 002A");
                return;
            }
            if (codeText.Length > 0) map._byCode[codeText] = beatName;
            if (nameText.Length > 0) map._byName[nameText] = beatName;
        }

        private static string Field(CsvReader row, int index) => index >= 0 && index < row.FieldCount ? row.GetString(index) : "";
    }
}
