using System.Text;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>Reads the rows of one CSV format, once the header has been understood.</summary>
internal interface IRowReader
{
    void ReadRow(CsvReader row, int line);
}

/// <summary>
/// Streams one CSV file: refuses what is not CSV, reads UTF-8 (with or without BOM) or Windows-1252, and hands each
/// row, with its line number (the header is line 1), to the reader its header calls for.
/// </summary>
internal static class CsvFileReader
{
    static CsvFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The first pass: is it CSV at all, its SHA-256 and its encoding. Null with an error added when not CSV.</summary>
    public static FileFingerprint? Examine(ImportSource source, FileCollector collector, Action<long>? onBytesRead = null)
    {
        using var stream = source.Open();
        var whyNot = ContentSniffer.WhyNotCsv(stream);
        if (whyNot is not null)
        {
            collector.AddError(null, null, null, whyNot);
            return null;
        }
        using var again = source.Open();
        var fingerprint = FileFingerprint.Of(again, onBytesRead);
        collector.Sha256 = fingerprint.Sha256;
        collector.Encoding = fingerprint.IsUtf8 ? "UTF-8" : "Windows-1252";
        return fingerprint;
    }

    /// <summary>
    /// The second pass: the rows. <paramref name="startReading"/> looks at the header (normalised names, names as
    /// written) and returns the reader for the rows, or null after adding an error to the collector.
    /// </summary>
    public static void ReadRows(
        ImportSource source,
        FileFingerprint fingerprint,
        FileCollector collector,
        Func<string[], string[], FileCollector, IRowReader?> startReading,
        Action<long>? onBytesRead = null)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            Encoding = fingerprint.IsUtf8 ? Encoding.UTF8 : Encoding.GetEncoding(1252),
            OnMalformedRecord = bad => collector.AddError(
                (int)bad.LineNumber, "(the whole row)", Shorten(bad.RawRecord),
                "a row whose quotes are balanced (a field holding a comma or a quote must be wrapped in quotes, with any quote in it doubled)"),
        };

        using var stream = source.Open();
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        reader.ReadHeader();
        var original = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        if (original.Length == 0 || original.All(h => h.Length == 0))
        {
            collector.AddError(null, null, null, "The file is empty: it has no header row.");
            return;
        }
        if (original.Length == 1 && (original[0].Contains(';') || original[0].Contains('\t')))
        {
            collector.AddError(1, null, null,
                "The columns are separated by semicolons or tabs. Save the file as 'CSV UTF-8 (comma delimited)' so that commas separate them.");
            return;
        }

        var rows = startReading(original.Select(Column.Normalize).ToArray(), original, collector);
        if (rows is null) return;

        var any = false;
        var nextReport = 0L;
        while (reader.Read())
        {
            any = true;
            collector.RowsRead++;
            rows.ReadRow(reader, (int)reader.LineNumber);
            if (onBytesRead is not null && reader.ByteOffset >= nextReport)
            {
                onBytesRead(reader.ByteOffset);
                nextReport = reader.ByteOffset + (1 << 20);
            }
        }
        if (!any) collector.AddError(null, null, null, "The file has a header row but no data rows.");
    }

    internal static string Shorten(string? value)
    {
        if (value is null) return "";
        value = value.TrimEnd('\r', '\n');
        return value.Length <= 80 ? value : value[..77] + "...";
    }

    internal static string ListForPeople(IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => n.Length == 0 ? "(blank)" : n));
}
