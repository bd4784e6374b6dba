using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>A <see cref="TestDatabase"/> holding the sample data and the 2023-24 plan, as a first run of the web app would.</summary>
public sealed class PlanDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private PlanDatabase(TestDatabase database) => _database = database;

    public IDbContextFactory<CommunitySafetyDb> DbFactory => _database.DbFactory;

    public IActionPlanService Plans => _database.Services.GetRequiredService<IActionPlanService>();

    public IPlanFiles Files => _database.Services.GetRequiredService<IPlanFiles>();

    public static async Task<PlanDatabase> CreateAsync(bool withPlan = true, bool withSampleData = true, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider: provider);
        if (withSampleData) await CommunitySafety.Data.Import.SampleData.LoadIfEmptyAsync(database.DbFactory, database.Importer);
        if (withPlan) await PlanLoader.LoadIfEmptyAsync(database.DbFactory, TimeProvider.System);
        return new PlanDatabase(database);
    }

    public async Task<List<string>> ChangesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Changes.OrderBy(c => c.Id).Select(c => c.Description).ToListAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
