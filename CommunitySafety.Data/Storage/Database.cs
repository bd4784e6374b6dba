using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>Opening the database (SQLite, or PostgreSQL by configuration): the connection string, the schema, and the journal mode.</summary>
public static class Database
{
    /// <summary>Seconds a command waits for another process's write to finish before it gives up.</summary>
    private const int BusyTimeoutSeconds = 30;

    /// <summary>Accepts a full connection string ("Data Source=x.db") or a bare file path ("x.db").</summary>
    public static string NormalizeConnectionString(string connectionStringOrPath)
    {
        var text = connectionStringOrPath.Trim();
        var builder = text.Contains('=')
            ? new SqliteConnectionStringBuilder(text)
            : new SqliteConnectionStringBuilder { DataSource = text };
        builder.DefaultTimeout = BusyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }

    public static DbContextOptions<CommunitySafetyDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<CommunitySafetyDb>().UseSqlite(NormalizeConnectionString(connectionString)).Options;

    public static DbContextOptions<PostgreSqlCommunitySafetyDb> PostgreSqlOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgreSqlCommunitySafetyDb>().UseNpgsql(connectionString.Trim()).Options;

    /// <summary>A context on PostgreSQL or SQLite, for code that is given a connection string rather than the factory.</summary>
    public static CommunitySafetyDb Open(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlCommunitySafetyDb(PostgreSqlOptions(connectionString))
        : new CommunitySafetyDb(Options(connectionString));

    /// <summary>How long a start waits for another process that is bringing the same database's schema up to date.</summary>
    private static readonly TimeSpan MigrationWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Creates the database file and its schema when missing, brings an older schema up to date, and turns on WAL.
    /// EF Core's migration lock (a row in __EFMigrationsLock) outlives a process killed while holding it, and every later
    /// start would wait for it for ever; so the lock is taken only when a migration is pending, and then only while
    /// holding a lock of the operating system's on a file beside the database, which dies with its process: holding
    /// that, a migration lock still in the database is one whose holder is gone, and it is removed (said through
    /// <paramref name="log"/>).
    /// </summary>
    public static async Task PrepareAsync(
        IDbContextFactory<CommunitySafetyDb> factory, CancellationToken cancellationToken = default, Action<string>? log = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db is PostgreSqlCommunitySafetyDb)
        {
            // EF Core's migration lock on PostgreSQL is a table lock of the migration's transaction, which ends with its connection:
            // a killed start cannot leave it behind, and a second instance starting at once waits for the first.
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var inMemory = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
        if (!inMemory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            using (inMemory ? null : await MigrationFileLock.TakeAsync(Path.GetFullPath(dataSource) + "-migration.lock", MigrationWait, cancellationToken))
            {
                if (!inMemory) await RemoveStaleMigrationLockAsync(db, log, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else if (!inMemory && await HasMigrationLockAsync(db, cancellationToken))
        {
            // Nothing to migrate, so the lock stops no one now; remove it anyway, so that it cannot stop the next migration.
            using var held = MigrationFileLock.TryTake(Path.GetFullPath(dataSource) + "-migration.lock");
            if (held is not null) await RemoveStaleMigrationLockAsync(db, log, cancellationToken);
        }
        // WAL lets the dashboard read while an import writes; it is kept in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private const string MigrationLockTable = "__EFMigrationsLock";

    private static async Task<bool> HasMigrationLockAsync(CommunitySafetyDb db, CancellationToken cancellationToken)
    {
        var tables = await db.Database.SqlQueryRaw<int>(
            $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{MigrationLockTable}'").SingleAsync(cancellationToken);
        return tables > 0
               && await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{MigrationLockTable}\"").SingleAsync(cancellationToken) > 0;
    }

    /// <summary>Called only while holding the migration file lock: any migration lock in the database is then stale.</summary>
    private static async Task RemoveStaleMigrationLockAsync(CommunitySafetyDb db, Action<string>? log, CancellationToken cancellationToken)
    {
        if (!await HasMigrationLockAsync(db, cancellationToken)) return;
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{MigrationLockTable}\"", cancellationToken);
        log?.Invoke("The database was left locked by a process that stopped while it was updating the database's structure; " +
                    "that process is gone, so the lock was removed.");
    }
}

/// <summary>
/// An exclusive lock on a file beside the database, held by the operating system for as long as the file is open, so
/// that it goes with its process however the process ends (FileShare.None: a lock file on Linux, a share lock on Windows).
/// </summary>
internal sealed class MigrationFileLock : IDisposable
{
    private readonly FileStream _file;

    private MigrationFileLock(FileStream file) => _file = file;

    public static MigrationFileLock? TryTake(string path)
    {
        try
        {
            return new MigrationFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null; // another process holds it
        }
    }

    public static async Task<MigrationFileLock> TakeAsync(string path, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            if (TryTake(path) is { } taken) return taken;
            if (DateTime.UtcNow > until)
                throw new IOException($"Another copy of the dashboard has been updating the structure of the database for more than " +
                                      $"{wait.TotalMinutes:0} minutes. Stop it, or wait for it to finish, and start again.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken); // another process is migrating: poll its lock
        }
    }

    public void Dispose() => _file.Dispose();
}
