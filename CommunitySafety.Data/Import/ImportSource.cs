using System.Buffers.Binary;
using System.IO.Compression;

namespace CommunitySafety.Data.Import;

/// <summary>One CSV to read: a file on disk or an entry of a zip. It can be opened more than once.</summary>
public sealed record ImportSource(string Name, Func<Stream> Open, long Length)
{
    /// <summary>A file on disk; one named .gz (a kept police.uk file) is read unpacked.</summary>
    public static ImportSource FromFile(string path, string? displayName = null) =>
        new(displayName ?? Path.GetFileName(path),
            path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? () => new GZipStream(OpenFile(path), CompressionMode.Decompress)
                : () => OpenFile(path),
            new FileInfo(path).Length);

    private static FileStream OpenFile(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}

/// <summary>A file as given: a CSV, or a zip holding CSVs (a police.uk download or several beat extracts).</summary>
public sealed record UploadedFile(string Path, string Name)
{
    public static UploadedFile FromPath(string path) => new(path, System.IO.Path.GetFileName(path));

    public bool IsZip => Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}

internal static class ZipContents
{
    private static readonly string[] SkippedSuffixes = ["-outcomes.csv", "-stop-and-search.csv"];

    /// <summary>
    /// The CSV entries to read, the names of the outcomes and stop-and-search files passed over, and the problems that
    /// refuse the zip: an entry named to point outside it, or more to unpack than <paramref name="limits"/> allow
    /// (checked on the sizes the zip declares, before anything is unpacked).
    /// </summary>
    public static (List<ImportSource> Sources, List<string> Skipped, List<string> Problems) List(string zipPath, string zipName, ZipLimits limits)
    {
        var sources = new List<ImportSource>();
        var skipped = new List<string>();
        var problems = new List<string>();
        // Counted from the zip's last record before its directory is read: a directory of millions of entries would fill memory.
        var declared = DeclaredEntryCount(zipPath);
        using var archive = declared > limits.MaxEntries ? null : ZipFile.OpenRead(zipPath);
        var count = archive?.Entries.Count ?? declared;
        if (archive is null || count > limits.MaxEntries)
        {
            problems.Add($"The zip holds {count:N0} files, more than the {limits.MaxEntries:N0} the dashboard reads from one zip. " +
                         "Import the files it needs in smaller zips.");
            return (sources, skipped, problems);
        }
        long total = 0;
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (WhyUnsafe(entry.FullName) is { } unsafeName)
            {
                if (problems.Count < ImportLimits.MaxNamesListed)
                    problems.Add($"The zip holds a file named '{Shown(entry.FullName)}', {unsafeName}. Such a name is not allowed, " +
                                 "so the zip was refused; make the zip again from the files themselves.");
                continue;
            }
            if (entry.FullName.EndsWith('/') || !entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) continue;
            if (SkippedSuffixes.Any(s => entry.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                skipped.Add(entry.FullName);
                continue;
            }
            if (entry.Length > limits.MaxEntryBytes)
            {
                if (problems.Count < ImportLimits.MaxNamesListed)
                    problems.Add($"{Shown(entry.FullName)} in the zip unpacks to {ZipLimits.Megabytes(entry.Length)}, more than the " +
                                 $"{ZipLimits.Megabytes(limits.MaxEntryBytes)} a file may be. No police data file is that large: check that it is the right zip.");
                continue;
            }
            total += entry.Length;
            var fullName = entry.FullName;
            long expectedLength = entry.Length;
            uint expectedCrc = entry.Crc32;
            sources.Add(new ImportSource($"{zipName}/{fullName}",
                () => OpenEntry(zipPath, fullName, expectedLength, expectedCrc, limits.MaxEntryBytes), entry.Length));
        }
        if (total > limits.MaxTotalBytes)
            problems.Add($"The files in the zip unpack to {ZipLimits.Megabytes(total)} in all, more than the {ZipLimits.Megabytes(limits.MaxTotalBytes)} " +
                         "the dashboard reads from one zip. Import them in smaller zips.");
        return (sources, skipped, problems);
    }

    /// <summary>
    /// The number of entries the zip's end-of-central-directory record declares (its ZIP64 form where the zip has one),
    /// or 0 when there is no such record to read (ZipFile then says what is wrong with the file).
    /// </summary>
    internal static long DeclaredEntryCount(string zipPath)
    {
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        var tailLength = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        file.Seek(-tailLength, SeekOrigin.End);
        file.ReadExactly(tail);
        for (var at = tailLength - 22; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50) continue;
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (entries != ushort.MaxValue || at < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) != 0x07064b50) return entries;
            // ZIP64: the locator before the record points at the ZIP64 record, which holds the count as 8 bytes.
            var zip64At = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
            if (zip64At < 0 || zip64At + 40 > file.Length) return entries;
            Span<byte> record = stackalloc byte[40];
            file.Seek(zip64At, SeekOrigin.Begin);
            file.ReadExactly(record);
            return BinaryPrimitives.ReadUInt32LittleEndian(record) == 0x06064b50 ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record[32..]), long.MaxValue) : entries;
        }
        return 0;
    }

    /// <summary>Why an entry's name could lead outside the folder it is unpacked in, or null when it cannot.</summary>
    internal static string? WhyUnsafe(string name)
    {
        if (name.Length == 0) return "which is empty";
        if (name[0] is '/' or '\\') return "which starts with a slash";
        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])) return "which starts with a drive";
        if (name.Split('/', '\\').Any(part => part == "..")) return "which climbs out of the zip with '..'";
        if (name.Any(char.IsControl)) return "which holds control characters";
        if (name.Length > 260) return "which is longer than 260 characters";
        return null;
    }

    private static string Shown(string name) => CsvFileReader.Shorten(name, ImportLimits.MaxHeaderShown);

    private static Stream OpenEntry(string zipPath, string entryName, long expectedLength, uint expectedCrc, long maxBytes)
    {
        var archive = ZipFile.OpenRead(zipPath);
        try
        {
            var entry = archive.GetEntry(entryName) ?? throw new FileNotFoundException(entryName);
            return new CheckedEntryStream(entry.Open(), archive, entryName, expectedLength, expectedCrc, maxBytes);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A zip entry's stream that closes its archive with it, stops as soon as more comes out than a file may hold,
    /// and at its end checks the length and the CRC-32 the zip recorded (.NET's zip reader checks neither), so that a
    /// damaged entry is refused rather than read with a changed byte.
    /// </summary>
    private sealed class CheckedEntryStream(Stream inner, IDisposable owner, string name, long expectedLength, uint expectedCrc, long maxBytes) : Stream
    {
        private readonly System.IO.Hashing.Crc32 _crc = new();
        private long _read;
        private bool _checked;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            if (read > 0)
            {
                _read += read;
                if (_read > maxBytes) throw new ZipEntryTooLargeException(name, maxBytes);
                _crc.Append(buffer[..read]);
            }
            else if (!_checked && buffer.Length > 0)
            {
                _checked = true;
                if (_read != expectedLength || _crc.GetCurrentHashAsUInt32() != expectedCrc) 
                    throw new InvalidDataException($"The zip entry {name} is damaged: its data does not match the check the zip recorded.");
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A zip entry that unpacks to more than a file may hold (a zip bomb, or the wrong file).</summary>
internal sealed class ZipEntryTooLargeException(string entryName, long maxBytes)
    : IOException($"The zip entry {entryName} unpacks to more than {ZipLimits.Megabytes(maxBytes)}.")
{
    public long MaxBytes { get; } = maxBytes;
}
