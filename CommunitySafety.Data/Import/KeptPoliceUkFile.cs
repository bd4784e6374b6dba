using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>
/// What is kept of a police.uk file for re-grouping: its rows with only the columns the import reads (Month, LSOA
/// code, LSOA name, Crime type), in their order, gzip-compressed. Read again it gives the same rows read, kept and
/// skipped, for the same reasons, under any beat map, for a small part of the size: the rows' identifiers,
/// coordinates, streets and outcomes are what make a police.uk file large.
/// </summary>
internal static class KeptPoliceUkFile
{
    private static readonly Column[] Kept = [PoliceUkColumns.Month, PoliceUkColumns.LsoaCode, PoliceUkColumns.LsoaName, PoliceUkColumns.CrimeType];

    /// <summary>Writes the kept form of <paramref name="source"/> to <paramref name="output"/>, which is truncated first.</summary>
    public static void Write(ImportSource source, FileStream output)
    {
        RowWriter? writer = null;
        try
        {
            // A file that is not UTF-8 is read twice (the second time as Windows-1252): each reading starts the output afresh.
            var collector = CsvFileReader.Read(source, () => new FileCollector(source.Name, 1), (normalized, _, _) =>
            {
                writer?.Dispose();
                output.SetLength(0);
                writer = new RowWriter(output, Kept.Select(c => c.FindIn(normalized)).ToArray());
                return writer;
            });
            if (collector.TotalErrors > 0) throw new InvalidDataException($"{source.Name} could not be read again to be kept: {collector.Errors.FirstOrDefault()?.Problem}");
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private sealed class RowWriter : IRowReader, IDisposable
    {
        private readonly int[] _columns;
        private readonly StreamWriter _text;

        public RowWriter(Stream output, int[] columns)
        {
            _columns = columns.Where(c => c >= 0).ToArray();
            _text = new StreamWriter(new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            _text.WriteLine(string.Join(',', Kept.Where((_, i) => columns[i] >= 0).Select(c => c.Name)));
        }

        public void ReadRow(CsvReader row, int line)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                if (i > 0) _text.Write(',');
                var value = row.GetString(_columns[i]);
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) _text.Write('"' + value.Replace("\"", "\"\"") + '"');
                else _text.Write(value);
            }
            _text.WriteLine();
        }

        public void Dispose() => _text.Dispose();
    }
}
