using System.Text;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Every error of a refused import as a CSV file, however many there are: the import report keeps only the first
/// ones in memory, this file keeps them all. Each file's errors go to a part file of their own, because a file that
/// turns out not to be UTF-8 is read again from the start; only the parts of the readings kept are joined.
/// </summary>
public sealed class ErrorReportFile(string path)
{
    public const string Header = "File,Line,Column,Value found,What was expected";

    /// <summary>The most error lines written: enough for any real correction, bounded for a file that is all errors.</summary>
    public const int MaxLines = 1_000_000;

    private readonly List<(FileCollector Collector, string Path, StreamWriter Writer)> _parts = [];
    private int _linesWritten;

    public string Path { get; } = path;

    internal static FileCollector Attach(ErrorReportFile? report, FileCollector collector)
    {
        if (report is null) return collector;
        StreamWriter? writer = null;
        collector.OnError = error =>
        {
            if (writer is null)
            {
                var partPath = $"{report.Path}.part{report._parts.Count}";
                writer = new StreamWriter(partPath, false, new UTF8Encoding(false));
                report._parts.Add((collector, partPath, writer));
            }
            if (report._linesWritten++ < MaxLines) writer.WriteLine(Line(error));
        };
        return collector;
    }

    internal void Finish(ImportReading reading)
    {
        using var output = new StreamWriter(Path, false, new UTF8Encoding(true)); // a BOM, so Excel reads it as UTF-8
        output.WriteLine(Header);
        foreach (var error in reading.Errors) output.WriteLine(Line(error));
        foreach (var (collector, partPath, writer) in _parts)
        {
            writer.Dispose();
            if (reading.Files.Contains(collector))
            {
                output.Flush();
                using var part = File.OpenRead(partPath);
                part.CopyTo(output.BaseStream);
            }
            File.Delete(partPath);
        }
        if (_linesWritten > MaxLines)
            output.WriteLine(Line(new ImportError("(all files)", null, null, null,
                $"{_linesWritten - MaxLines:N0} more errors are not listed. Correct these and import again to see the rest.")));
        _parts.Clear();
    }

    /// <summary>Writes the report from errors already in hand (a refusal before any file was read).</summary>
    public void Write(IEnumerable<ImportError> errors)
    {
        using var output = new StreamWriter(Path, false, new UTF8Encoding(true));
        output.WriteLine(Header);
        foreach (var error in errors) output.WriteLine(Line(error));
    }

    private static string Line(ImportError e) =>
        string.Join(",", CsvCells.Text(e.File), e.Line?.ToString() ?? "", CsvCells.Text(e.Column), CsvCells.Text(e.Value), CsvCells.Text(e.Problem));
}
