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
        Encoding? utf16;
        using (var probe = source.Open())
        {
            var whyNot = ContentSniffer.WhyNotCsv(probe, out utf16);
            if (whyNot is not null)
            {
                collector.AddError(null, null, null, whyNot);
                return collector;
            }
        }

        // Excel's "Unicode text" is UTF-16 with tabs between the columns; a UTF-16 file with commas is read as CSV.
        var separator = utf16 is not null && FirstLine(source, utf16) is var first && first.Contains('\t') && !first.Contains(',') ? '\t' : ',';

        // The hash and the UTF-8 check read the file on the other core while this one parses it as UTF-8.
        using var stopHashing = new CancellationTokenSource();
        var fingerprinting = Task.Run(() =>
        {
            using var stream = source.Open();
            return FileFingerprint.Of(stream, stopHashing.Token);
        });
        bool finished;
        try
        {
            using var stream = source.Open();
            finished = ReadRows(stream, utf16 ?? Encoding.UTF8, collector, startReading, onBytesRead, separator);
        }
        catch
        {
            StopAndWait(fingerprinting, stopHashing);
            throw;
        }
        if (!finished)
        {
            // Refused part-way (a row too long): the rest of the file is not worth reading, nor hashing.
            StopAndWait(fingerprinting, stopHashing);
            return collector;
        }
        var fingerprint = fingerprinting.GetAwaiter().GetResult();
        collector.Sha256 = fingerprint.Sha256;
        if (utf16 is not null)
        {
            collector.Encoding = utf16.CodePage == Encoding.BigEndianUnicode.CodePage ? "UTF-16 BE" : "UTF-16 LE";
            return collector;
        }
        if (fingerprint.IsUtf8) return collector;

        collector = newCollector();
        collector.Sha256 = fingerprint.Sha256;
        collector.Encoding = "Windows-1252";
        using var again = source.Open();
        ReadRows(again, Encoding.GetEncoding(1252), collector, startReading, onBytesRead);
        return collector;
    }

    private static string FirstLine(ImportSource source, Encoding encoding)
    {
        using var stream = source.Open();
        var buffer = new byte[8192];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) & ~1;
        var text = encoding.GetString(buffer, 0, length);
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>Stops the hashing task and waits for it, so that no stream of the file stays open behind the caller.</summary>
    private static void StopAndWait(Task task, CancellationTokenSource stop)
    {
        stop.Cancel();
        try { task.Wait(); }
        catch (AggregateException) { } // cancelled, or the same damage the reading met
    }

    /// <summary>Reads the header and every row; false when reading stopped part-way on a row too long to be data.</summary>
    private static bool ReadRows(
        Stream stream,
        Encoding encoding,
        FileCollector collector,
        Func<string[], string[], FileCollector, IRowReader?> startReading,
        Action<long>? onBytesRead,
        char separator = ',')
    {
        var lastMalformedLine = -1L;
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = separator,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            PoolStrings = true,
            MaxRecordSize = ImportLimits.MaxRowBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            Encoding = encoding,
            OnMalformedRecord = bad =>
            {
                lastMalformedLine = bad.LineNumber;
                collector.AddError(
                    (int)bad.LineNumber, "(the whole row)", Shorten(bad.RawRecord),
                    "a row whose quotes are balanced (a field holding a comma or a quote must be wrapped in quotes, with any quote in it doubled)");
            },
        };

        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e) when (e.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            TooLong(collector, e);
            return false;
        }
        if (reader.Headers.Count > ImportLimits.MaxColumns)
        {
            collector.AddError(null, null, null,
                $"The first line has {reader.Headers.Count:N0} columns, but a file the dashboard reads has at most " +
                $"{ImportLimits.MaxColumns:N0} (a beat extract needs 3 to 7, a police.uk file has 12). Check that this is the right file.");
            return true;
        }
        var original = reader.Headers.Select(h => Shorten(h.Trim().TrimStart('\uFEFF'), ImportLimits.MaxHeaderShown)).ToArray();
        if (original.Length == 0 || original.All(h => h.Length == 0))
        {
            collector.AddError(null, null, null, "The file is empty: it has no header row.");
            return true;
        }
        if (original.Length == 1 && (original[0].Contains(';') || original[0].Contains('\t')))
        {
            collector.AddError(1, null, null,
                "The columns are separated by semicolons or tabs. Save the file as 'CSV UTF-8 (comma delimited)' so that commas separate them.");
            return true;
        }

        var rows = startReading(original.Select(Column.Normalize).ToArray(), original, collector);
        if (rows is null) return true;

        var any = false;
        try
        {
            while (reader.Read())
            {
                any = true;
                collector.RowsRead++;
                if (reader.FieldCount != original.Length)
                {
                    // A row with more or fewer fields than the header would put values under the wrong columns.
                    if (reader.LineNumber != lastMalformedLine)
                        collector.AddError((int)reader.LineNumber, "(the whole row)", Shorten(RawText(reader)),
                            $"{original.Length} fields, one for each column of the header, but the row has {reader.FieldCount} " +
                            "(usually a missing quote: a field holding a comma must be wrapped in quotes)");
                }
                else rows.ReadRow(reader, (int)reader.LineNumber);
                if (onBytesRead is not null && (collector.RowsRead & 0x3FFF) == 0) onBytesRead(reader.ByteOffset);
            }
        }
        catch (CsvFormatException e) when (e.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            TooLong(collector, e);
            return false;
        }
        if (!any) collector.AddError(null, null, null, "The file has a header row but no data rows.");
        return true;
    }

    /// <summary>The reader stops on a row past <see cref="ImportLimits.MaxRowBytes"/> (its MaxRecordSize): no police data has one.</summary>
    private static void TooLong(FileCollector collector, CsvFormatException e)
    {
        var where = e.LineNumber > 0 ? $"The row that starts on line {e.LineNumber:N0}" : "A row";
        collector.AddError(null, null, null,
            $"{where} is longer than {ImportLimits.MaxRowBytes >> 20} MB, so this is not a file of police data (a row of one is a few hundred " +
            "characters). Usually a quote is opened and never closed, or the file has no line breaks. Check that it is the right file.");
    }

    private static string RawText(CsvReader reader)
    {
        var raw = reader.RawRecord;
        return Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 400)]);
    }

    internal static string Shorten(string? value, int length = 80)
    {
        if (value is null) return "";
        value = value.TrimEnd('\r', '\n');
        return value.Length <= length ? value : value[..(length - 3)] + "...";
    }

    /// <summary>"Month, Beat, (blank)": at most <see cref="ImportLimits.MaxNamesListed"/> names, each shortened, then how many more.</summary>
    internal static string ListForPeople(IEnumerable<string> names)
    {
        var list = names.Take(ImportLimits.MaxNamesListed + 1).ToList();
        var shown = list.Take(ImportLimits.MaxNamesListed).Select(n => n.Length == 0 ? "(blank)" : Shorten(n, ImportLimits.MaxHeaderShown));
        var text = string.Join(", ", shown);
        if (list.Count <= ImportLimits.MaxNamesListed) return text;
        var more = names.Count() - ImportLimits.MaxNamesListed;
        return $"{text} and {more:N0} more";
    }
}
