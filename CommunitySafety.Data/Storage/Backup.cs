using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>What a backup or a restore did, or the sentence saying why it did nothing.</summary>
public sealed record BackupOutcome(bool Done, string Message);

/// <summary>The folders kept beside the database that a backup carries with it.</summary>
public sealed record BackupFolders(string Files, string? Keys);

/// <summary>
/// A backup is one zip file: <c>community-safety-backup.json</c> (what it is, when it was made, the schema's latest
/// migration), <c>database.sqlite</c> (a consistent copy of the live database made with SQLite's online backup, so the
/// app may keep running and importing meanwhile: the copy is the database as it stood before or after any import,
/// never part-way), <c>files/</c> (the kept uploads and the beat map) and <c>keys/</c> (the data-protection keys, when
/// given). The files are copied after the database, and are content-addressed and only ever added, so every file the
/// copied database names is in the backup. Restore puts them back into a stopped deployment.
/// </summary>
public static class Backup
{
    public const string ManifestName = "community-safety-backup.json";
    public const string DatabaseEntry = "database.sqlite";
    public const string FilesPrefix = "files/";
    public const string KeysPrefix = "keys/";
    public const string Format = "community-safety-dashboard-backup";
    public const int FormatVersion = 1;

    private sealed record Manifest(string Format, int Version, DateTimeOffset CreatedAt, string? LatestMigration);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupOutcome> CreateAsync(string connectionString, BackupFolders folders, string backupFile, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var databasePath = DatabasePath(connectionString);
        if (!File.Exists(databasePath)) return new(false, $"There is no database at {databasePath} to back up.");

        var target = Path.GetFullPath(backupFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var workFolder = Directory.CreateTempSubdirectory("community-safety-backup-").FullName;
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            var copy = Path.Combine(workFolder, DatabaseEntry);
            await using (var source = new SqliteConnection(Unpooled(connectionString)))
            await using (var destination = new SqliteConnection(Unpooled($"Data Source={copy}")))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                // One step: the copy is taken inside one read transaction, a snapshot of the last commit.
                source.BackupDatabase(destination);
                await ExecuteAsync(destination, "PRAGMA journal_mode=DELETE;", cancellationToken);
                var check = await ScalarAsync(destination, "PRAGMA integrity_check;", cancellationToken);
                if (check != "ok") return new(false, $"The copy of {databasePath} failed SQLite's integrity check ({check}); no backup was written.");
            }
            var latestMigration = await LatestMigrationAsync(copy, cancellationToken);
            if (latestMigration is null) return new(false, $"{databasePath} is not a Community Safety Dashboard database (it has no migration history); no backup was written.");

            var fileCount = 0;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
                var manifest = new Manifest(Format, FormatVersion, (time ?? TimeProvider.System).GetUtcNow(), latestMigration);
                await using (var entry = zip.CreateEntry(ManifestName).Open())
                    await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
                zip.CreateEntryFromFile(copy, DatabaseEntry, CompressionLevel.Optimal);
                fileCount += AddFolder(zip, folders.Files, FilesPrefix);
                if (folders.Keys is not null) AddFolder(zip, folders.Keys, KeysPrefix);
            }
            File.Move(partial, target, overwrite: true);
            return new(true, $"Backed up {databasePath} and {fileCount} kept file{(fileCount == 1 ? "" : "s")} to {target}.");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            Directory.Delete(workFolder, recursive: true);
        }
    }

    /// <summary>
    /// Puts a backup back: the database, the kept files and the keys. Only into a stopped deployment; an existing
    /// database is replaced only when <paramref name="replace"/> says so. A file that is not one of our backups, or
    /// that a newer version made, is refused before anything changes.
    /// </summary>
    public static async Task<BackupOutcome> RestoreAsync(string backupFile, string connectionString, BackupFolders folders, bool replace, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(backupFile);
        if (!File.Exists(source)) return new(false, $"There is no file {source}.");
        var databasePath = DatabasePath(connectionString);
        if (File.Exists(databasePath) && !replace)
            return new(false, $"There is already a database at {databasePath}. Stop the dashboard, back it up if you may need it, and restore with --replace to overwrite it.");

        var notOurs = $"{source} is not a backup made by the Community Safety Dashboard's backup command, so nothing was restored.";
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(source);
        }
        catch (InvalidDataException)
        {
            return new(false, notOurs);
        }

        var folder = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(folder, ".restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (zip)
            {
                var manifest = await ReadManifestAsync(zip, cancellationToken);
                if (manifest is null || manifest.Format != Format || zip.GetEntry(DatabaseEntry) is null) return new(false, notOurs);
                if (manifest.Version > FormatVersion)
                    return new(false, $"{source} was made by a newer version of the dashboard (backup format {manifest.Version}); install that version to restore it.");

                Directory.CreateDirectory(staging);
                var stagedDatabase = Path.Combine(staging, DatabaseEntry);
                zip.GetEntry(DatabaseEntry)!.ExtractToFile(stagedDatabase);
                var applied = await AppliedMigrationsAsync(stagedDatabase, cancellationToken);
                if (applied is null) return new(false, notOurs);
                var unknown = applied.Except(knownMigrations).ToList();
                if (unknown.Count > 0)
                    return new(false, $"{source} holds a database from a newer version of the dashboard (migration {unknown[^1]} is unknown to this one); install that version to restore it.");

                var stagedFiles = Path.Combine(staging, "files");
                var stagedKeys = Path.Combine(staging, "keys");
                foreach (var entry in zip.Entries)
                {
                    if (entry.FullName is ManifestName or DatabaseEntry || entry.FullName.EndsWith('/')) continue;
                    var (prefix, root) = entry.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal) ? (FilesPrefix, stagedFiles)
                        : entry.FullName.StartsWith(KeysPrefix, StringComparison.Ordinal) ? (KeysPrefix, stagedKeys)
                        : default;
                    var path = root is null ? null : SafePathUnder(root, entry.FullName[prefix!.Length..]);
                    if (path is null) return new(false, $"{source} holds an entry '{entry.FullName}' that a backup of ours never has, so nothing was restored.");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path);
                }

                // Everything is read and checked: now put it in place.
                foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
                    if (File.Exists(databasePath + suffix)) File.Delete(databasePath + suffix);
                File.Move(stagedDatabase, databasePath, overwrite: true);
                ReplaceFolder(stagedFiles, folders.Files);
                if (folders.Keys is not null && Directory.Exists(stagedKeys)) ReplaceFolder(stagedKeys, folders.Keys);
                var files = Directory.Exists(folders.Files) ? Directory.GetFiles(folders.Files, "*", SearchOption.AllDirectories).Length : 0;
                return new(true, $"Restored the database of {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC to {databasePath}, with {files} kept file{(files == 1 ? "" : "s")} in {folders.Files}.");
            }
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The migrations this build knows, to refuse a backup a newer version made.</summary>
    public static IReadOnlyCollection<string> KnownMigrations()
    {
        using var db = new CommunitySafetyDb(Database.Options("Data Source=:memory:"));
        return db.Database.GetMigrations().ToList();
    }

    private static string DatabasePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(Database.NormalizeConnectionString(connectionString)).DataSource);

    private static string Unpooled(string connectionString) =>
        new SqliteConnectionStringBuilder(Database.NormalizeConnectionString(connectionString)) { Pooling = false }.ToString();

    private static int AddFolder(ZipArchive zip, string folder, string prefix)
    {
        if (!Directory.Exists(folder)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".partial", StringComparison.Ordinal)) continue; // a file still being kept
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                zip.CreateEntryFromFile(file, prefix + relative, CompressionLevel.Optimal);
                count++;
            }
            catch (FileNotFoundException)
            {
                // Moved away between listing and copying (a temporary file): not part of the kept set.
            }
        }
        return count;
    }

    /// <summary>The entry's path under root, or null when its name would leave root or is not a plain relative path.</summary>
    private static string? SafePathUnder(string root, string relative)
    {
        if (relative.Length == 0 || relative.Contains('\\') || relative.Contains(':') || relative.StartsWith('/')) return null;
        if (relative.Split('/').Any(part => part is "" or "." or "..")) return null;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static void ReplaceFolder(string staged, string target)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (Directory.Exists(staged)) Directory.Move(staged, full);
        else Directory.CreateDirectory(full);
    }

    private static async Task<Manifest?> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestName);
        if (entry is null || entry.Length > 64 * 1024) return null;
        try
        {
            await using var stream = entry.Open();
            return await JsonSerializer.DeserializeAsync<Manifest>(stream, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> LatestMigrationAsync(string databaseFile, CancellationToken cancellationToken) =>
        (await AppliedMigrationsAsync(databaseFile, cancellationToken))?.LastOrDefault();

    /// <summary>The migrations applied to a database file, or null when it is not SQLite or not ours.</summary>
    private static async Task<List<string>?> AppliedMigrationsAsync(string databaseFile, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Imports', 'Changes');", cancellationToken) != "3")
                return null;
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            return ids.Count == 0 ? null : ids;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
