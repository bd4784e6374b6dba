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

    /// <summary>
    /// Reads one file into a collector made by <paramref name="newCollector"/>. <paramref name="startReading"/> looks at
    /// the header (normalised names, names as written) and returns the reader for the rows, or null after adding an
    /// error. The file is read once, as UTF-8, while it is hashed; only a file that turns out not to be UTF-8 is read
    /// a second time, as Windows-1252.
    /// </summary>
    public static FileCollector Read(
        ImportSource source,
        Func<FileCollector> newCollector,
        Func<string[], string[], FileCollector, IRowReader?> startReading,
        Action<long>? onBytesRead = null)
    {
        var collector = newCollector();
        using (var probe = source.Open())
        {
            var whyNot = ContentSniffer.WhyNotCsv(probe);
            if (whyNot is not null)
            {
                collector.AddError(null, null, null, whyNot);
                return collector;
            }
        }

        // The hash and the UTF-8 check read the file on the other core while this one parses it as UTF-8.
        var fingerprinting = Task.Run(() =>
        {
            using var stream = source.Open();
            return FileFingerprint.Of(stream);
        });
        using (var stream = source.Open()) ReadRows(stream, Encoding.UTF8, collector, startReading, onBytesRead);
        var fingerprint = fingerprinting.GetAwaiter().GetResult();
        collector.Sha256 = fingerprint.Sha256;
        if (fingerprint.IsUtf8) return collector;

        collector = newCollector();
        collector.Sha256 = fingerprint.Sha256;
        collector.Encoding = "Windows-1252";
        using var again = source.Open();
        ReadRows(again, Encoding.GetEncoding(1252), collector, startReading, onBytesRead);
        return collector;
    }

    private static void ReadRows(
        Stream stream,
        Encoding encoding,
        FileCollector collector,
        Func<string[], string[], FileCollector, IRowReader?> startReading,
        Action<long>? onBytesRead)
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
            Encoding = encoding,
            OnMalformedRecord = bad => collector.AddError(
                (int)bad.LineNumber, "(the whole row)", Shorten(bad.RawRecord),
                "a row whose quotes are balanced (a field holding a comma or a quote must be wrapped in quotes, with any quote in it doubled)"),
        };

        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
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
        while (reader.Read())
        {
            any = true;
            collector.RowsRead++;
            rows.ReadRow(reader, (int)reader.LineNumber);
            if (onBytesRead is not null && (collector.RowsRead & 0x3FFF) == 0) onBytesRead(reader.ByteOffset);
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
