using CommunitySafety.Dashboard.Live;
using CommunitySafety.Data;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Tests.Hosting;

/// <summary>On PostgreSQL a committed change reaches every instance by LISTEN/NOTIFY, with no polling.</summary>
public sealed class ChangeNoticeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_change_written_on_one_connection_reaches_a_listener_on_another_once_it_commits()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var listening = new TaskCompletionSource();
        var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var listener = new PostgreSqlChangeListener(database.ConnectionString).ListenAsync(
            () => { listening.TrySetResult(); return Task.CompletedTask; },
            id => { heard.TrySetResult(id); return Task.CompletedTask; },
            stop.Token);
        await listening.Task.WaitAsync(Generous);

        long written;
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var change = new DataChangeRecord { At = DateTimeOffset.UtcNow, Description = "Action plan 2023-24 edited" };
            db.Changes.Add(change);
            await db.SaveChangesAsync();
            written = change.Id;
            Assert.False(heard.Task.IsCompleted); // not before it commits
            await transaction.CommitAsync();
        }

        Assert.Equal(written, await heard.Task.WaitAsync(Generous));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener);
    }

    [Fact]
    public async Task An_import_on_one_instance_reaches_the_pages_of_another()
    {
        await using var instanceB = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        // Instance A: its own services on the same database, as a second app server has.
        await using var instanceA = new ServiceCollection().AddCommunitySafetyData(instanceB.Services.GetRequiredService<DataSettings>()).BuildServiceProvider();
        var notifier = instanceA.GetRequiredService<DataChangeNotifier>();
        var told = new TaskCompletionSource<DataChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(change => { told.TrySetResult(change); return Task.CompletedTask; });
        using var watcher = new DataChangeWatcher(
            instanceA.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CommunitySafetyDb>>(), notifier, instanceA.GetRequiredService<DataVersion>(),
            TimeProvider.System, NullLogger<DataChangeWatcher>.Instance, instanceA.GetRequiredService<DataSettings>());
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Listening.WaitAsync(Generous);
            await instanceB.ImportOkAsync(instanceB.WriteFile("q1.csv", TestDatabase.Lines("Month,Beat,Category,Count", "2023-04,Town,ASB,3")));

            Assert.Equal("data for Apr 2023 imported", (await told.Task.WaitAsync(Generous)).Description);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }
}
