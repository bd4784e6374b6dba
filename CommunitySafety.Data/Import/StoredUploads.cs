using Microsoft.Data.Sqlite;

namespace CommunitySafety.Data.Import;

/// <summary>
/// Every imported file, kept under its SHA-256 in a folder beside the database, so that police.uk imports can be run
/// again from the same bytes under a new beat map. Content-addressed: a file kept twice is stored once, and a file
/// kept for an import that then failed to commit is harmless.
/// </summary>
public sealed class StoredUploads(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>"community-safety.db" keeps its files in "community-safety-files" beside it.</summary>
    public static string FolderBeside(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(Storage.Database.NormalizeConnectionString(connectionString)).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file::memory:", StringComparison.Ordinal))
            return Path.Combine(Path.GetTempPath(), "community-safety-files");
        var full = Path.GetFullPath(dataSource);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-files");
    }

    /// <summary>
    /// Removes the half-copied files (*.partial) that a process killed while keeping a file left behind; called at every
    /// start, the command line's included. A file still being written by a live process is held open without sharing
    /// (a lock the operating system drops when its process ends), so it is left alone. Returns how many were removed.
    /// </summary>
    public int SweepPartial()
    {
        if (!Directory.Exists(Folder)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.partial", SearchOption.AllDirectories))
        {
            try
            {
                // Opened without sharing, and deleted as it closes: only a file that no live process is writing.
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                removed++;
            }
            catch (IOException) { } // being written now, or gone already
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    /// <summary>The sentence for the log after <see cref="SweepPartial"/> removed <paramref name="count"/> files.</summary>
    public static string SweptSentence(int count) => count == 1
        ? "Removed 1 half-copied file left by an import that was stopped."
        : $"Removed {count:N0} half-copied files left by imports that were stopped.";

    /// <summary>
    /// The kept file: a police.uk file's kept form (<see cref="KeptPoliceUkFile"/>, "SHA.csv.gz") or, kept before
    /// that form, the file as it was ("SHA.csv"). Both are read the same way.
    /// </summary>
    public string PathOf(string sha256)
    {
        var whole = Path.Combine(Folder, "uploads", sha256 + ".csv");
        return File.Exists(whole) && !File.Exists(whole + ".gz") ? whole : whole + ".gz";
    }

    public bool Has(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>
    /// Keeps a police.uk file's kept form unless it is there already; written under a temporary name and then moved,
    /// so a half-written file is never found.
    /// </summary>
    public void Keep(ImportSource source, string sha256)
    {
        if (Has(sha256)) return;
        var target = Path.Combine(Folder, "uploads", sha256 + ".csv.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                KeptPoliceUkFile.Write(source, output);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
