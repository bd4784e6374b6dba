using System.Buffers;
using CommunitySafety.Data;

namespace CommunitySafety.Dashboard.Services;

/// <summary>A file as the browser sends it: its name, its size, and its bytes as a stream read once.</summary>
public sealed record IncomingFile(string Name, long Size, Func<long, Stream> OpenRead);

/// <summary>
/// Uploaded files streamed to a folder of their own on disk, a buffer at a time, so that a 200 MB upload costs the
/// server one buffer of memory. The folder goes when the spool is disposed (import done, cancelled, or the browser
/// gone); folders left by a process that died are swept when an app starts.
/// </summary>
public sealed class UploadSpool : IDisposable
{
    private const int BufferSize = 1 << 16;

    /// <summary>Where uploads are streamed to while they are read: beside the database, swept at start.</summary>
    public static string RootFor(DataSettings settings) => Path.Combine(settings.Files, "incoming");

    public UploadSpool(string root)
    {
        Folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Copies the file to disk; <paramref name="onBytes"/> hears the bytes copied so far. Returns the path.</summary>
    public async Task<string> SaveAsync(IncomingFile file, long maxBytes, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        // The name as sent is kept for the import's record; on disk the file gets a safe name of our own.
        var path = Path.Combine(Folder, $"{Directory.GetFiles(Folder).Length:D3}{SafeExtension(file.Name)}");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var input = file.OpenRead(maxBytes);
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            long total = 0;
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
                onBytes?.Invoke(total);
            }
            return path;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A path in the spool's folder for a file the import writes (the error report).</summary>
    public string PathFor(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { } // a file still open by a download: the sweep at the next start removes it
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>How long an upload folder may sit untouched before a starting app takes it for one a stopped process left.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Removes the upload folders nothing has written to for <see cref="StaleAfter"/>: called once at start. Uploads
    /// waiting for Import belong to one instance (a page's session lives on one), but several instances may share the
    /// data folder, so a starting instance leaves alone what another is still uploading or previewing (a preview closes
    /// after Imports:PreviewMinutes, well within the hour).
    /// </summary>
    public static void SweepStale(string root, DateTime? nowUtc = null)
    {
        if (!Directory.Exists(root)) return;
        var cutoff = (nowUtc ?? DateTime.UtcNow) - StaleAfter;
        foreach (var folder in Directory.GetDirectories(root))
        {
            try
            {
                var lastWrite = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Select(File.GetLastWriteTimeUtc)
                    .Append(Directory.GetLastWriteTimeUtc(folder))
                    .Max();
                if (lastWrite < cutoff) Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string SafeExtension(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ".zip" : ".csv";
}
