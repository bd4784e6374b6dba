using CommunitySafety.Data;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>A database of its own in a temporary file, holding the sample data and the 2023-24 plan as a first run would.</summary>
public sealed class PlanDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-tests-").FullName;
    private readonly ServiceProvider _services;

    private PlanDatabase()
    {
        _services = new ServiceCollection()
            .AddCommunitySafetyData(Path.Combine(_folder, "test.db"))
            .BuildServiceProvider();
    }

    public IDbContextFactory<CommunitySafetyDb> DbFactory => _services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();

    public IActionPlanService Plans => _services.GetRequiredService<IActionPlanService>();

    public static async Task<PlanDatabase> CreateAsync(bool withPlan = true, bool withSampleData = true)
    {
        var database = new PlanDatabase();
        await Database.PrepareAsync(database.DbFactory);
        if (withSampleData) await SampleData.LoadIfEmptyAsync(database.DbFactory, database._services.GetRequiredService<Importer>());
        if (withPlan) await PlanLoader.LoadIfEmptyAsync(database.DbFactory, TimeProvider.System);
        return database;
    }

    public async Task<List<string>> ChangesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Changes.OrderBy(c => c.Id).Select(c => c.Description).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS may hold the file a moment longer */ }
    }
}
