using System.IO.Compression;

namespace CommunitySafety.Data.Import;

/// <summary>One CSV to read: a file on disk or an entry of a zip. It can be opened more than once.</summary>
public sealed record ImportSource(string Name, Func<Stream> Open, long Length)
{
    public static ImportSource FromFile(string path, string? displayName = null) =>
        new(displayName ?? Path.GetFileName(path),
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            new FileInfo(path).Length);
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

    /// <summary>The CSV entries to read, and the names of the outcomes and stop-and-search files passed over.</summary>
    public static (List<ImportSource> Sources, List<string> Skipped) List(string zipPath, string zipName)
    {
        var sources = new List<ImportSource>();
        var skipped = new List<string>();
        using var archive = ZipFile.OpenRead(zipPath);
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.FullName.EndsWith('/') || !entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) continue;
            if (SkippedSuffixes.Any(s => entry.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                skipped.Add(entry.FullName);
                continue;
            }
            var fullName = entry.FullName;
            sources.Add(new ImportSource($"{zipName}/{fullName}", () => OpenEntry(zipPath, fullName), entry.Length));
        }
        return (sources, skipped);
    }

    private static Stream OpenEntry(string zipPath, string entryName)
    {
        var archive = ZipFile.OpenRead(zipPath);
        var entry = archive.GetEntry(entryName) ?? throw new FileNotFoundException(entryName);
        return new OwningStream(entry.Open(), archive);
    }

    /// <summary>A zip entry's stream that closes its archive with it.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
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
