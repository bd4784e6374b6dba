using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>Opening the SQLite database: the connection string, the schema, and the journal mode.</summary>
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

    /// <summary>Creates the database file and its schema when missing, brings an older schema up to date, and turns on WAL.</summary>
    public static async Task PrepareAsync(IDbContextFactory<CommunitySafetyDb> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:") Directory.CreateDirectory(directory);

        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets the dashboard read while an import writes; it is kept in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
