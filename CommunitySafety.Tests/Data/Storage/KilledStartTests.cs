using CommunitySafety.Data;
using CommunitySafety.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Storage;

/// <summary>
/// A process killed during start-up while it held EF Core's migration lock leaves the lock's row in
/// __EFMigrationsLock (issue 16). The next start must neither wait for it for ever nor leave it for a later one.
/// </summary>
public class KilledStartTests : IDisposable
{
    /// <summary>Long enough for a start on a busy machine; a start that waits on the lock never ends.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("community-safety-killed-start-").FullName;
    private string DatabasePath => Path.Combine(_folder, "killed.db");

    private ServiceProvider Services() => new ServiceCollection()
        .AddCommunitySafetyData(new DataSettings($"Data Source={DatabasePath}"))
        .BuildServiceProvider();

    /// <summary>What a process killed inside MigrateAsync leaves: the lock table with its one row.</summary>
    private void LeaveMigrationLock()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 09:00:00+00:00');
            """;
        command.ExecuteNonQuery();
    }

    private long LockRows()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        return (long)command.ExecuteScalar()!;
    }

    private async Task<List<string>> StartAsync()
    {
        var said = new List<string>();
        await using var services = Services();
        await Database.PrepareAsync(services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>(), log: said.Add).WaitAsync(Generous);
        return said;
    }

    [Fact]
    public async Task A_start_after_a_kill_that_left_the_lock_on_an_up_to_date_database_does_not_wait_and_removes_it()
    {
        Assert.Empty(await StartAsync());
        LeaveMigrationLock();

        var said = await StartAsync();

        Assert.Equal(0, LockRows());
        Assert.Contains("lock was removed", Assert.Single(said));
        Assert.Empty(await StartAsync()); // and the next start has nothing to say
    }

    [Fact]
    public async Task A_start_after_a_kill_that_left_the_lock_before_any_migration_ran_migrates()
    {
        LeaveMigrationLock();

        var said = await StartAsync();

        Assert.Contains("lock was removed", Assert.Single(said));
        await using var services = Services();
        await using var db = await services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Imports.CountAsync());
        Assert.Equal(0, LockRows());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
