using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data.SampleData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>The Areas migration: a database made before areas existed upgrades in place, every fact in the home area, its figures unchanged.</summary>
public class AreasMigrationTests
{
    private const string LastMigrationBeforeAreas = "20261126110334_ActionPlan";

    [Fact]
    public async Task An_existing_single_area_database_upgrades_in_place_with_its_figures_unchanged()
    {
        // The figures as today's code makes them, from the sample extracts of two years (one re-sent quarter replacing months).
        await using var today = await TestDatabase.CreateAsync();
        var sample = Path.Combine(LoadedSampleData.RepositoryRoot(), "data", "sample");
        var files = Directory.GetFiles(sample, "harborough-beat-extract-202*.csv").Order(StringComparer.Ordinal).TakeLast(6).ToArray();
        await today.ImportOkAsync(files[..4]);
        await today.ImportOkAsync(files[4..]);
        await today.ImportOkAsync(today.WriteFile("resent.csv", TestDatabase.Lines("Month,Beat,Category,Type,Count", "2023-05,Harborough North,Crime,Burglary,9")));
        var quarters = new[] { new FinancialQuarter(2023, 1), new FinancialQuarter(2023, 2), new FinancialQuarter(2022, 4) };
        var expected = new List<string>();
        foreach (var q in quarters) expected.Add(SummaryJson.Serialize(await today.Figures.GetSummaryAsync(q)));

        // A database with the schema of before areas, holding the same rows (written in the columns it had then).
        var folder = Directory.CreateTempSubdirectory("community-safety-upgrade-").FullName;
        var oldPath = Path.Combine(folder, "old.db");
        try
        {
            await using (var old = new CommunitySafetyDb(Database.Options($"Data Source={oldPath}")))
                await old.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeAreas);
            await using (var connection = new SqliteConnection($"Data Source={oldPath};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var copy = connection.CreateCommand();
                copy.CommandText = $"""
                    ATTACH DATABASE '{today.DatabasePath}' AS today;
                    INSERT INTO Imports SELECT * FROM today.Imports;
                    INSERT INTO ImportFiles SELECT * FROM today.ImportFiles;
                    INSERT INTO ImportMessages SELECT * FROM today.ImportMessages;
                    INSERT INTO ImportMonths (ImportId, Month, HasDomestic, HasLocationType, ReplacedImportId)
                        SELECT ImportId, Month, HasDomestic, HasLocationType, ReplacedImportId FROM today.ImportMonths;
                    INSERT INTO Beats (Id, Name) SELECT Id, Name FROM today.Beats;
                    INSERT INTO Facts SELECT * FROM today.Facts;
                    INSERT INTO Changes SELECT * FROM today.Changes;
                    """;
                await copy.ExecuteNonQueryAsync();
            }

            // Upgraded as every start upgrades it.
            await using var services = new ServiceCollection().AddCommunitySafetyData(new DataSettings($"Data Source={oldPath}")).BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();
            await Database.PrepareAsync(factory);

            var figures = services.GetRequiredService<IFiguresService>();
            for (var i = 0; i < quarters.Length; i++)
                Assert.Equal(expected[i], SummaryJson.Serialize(await figures.GetSummaryAsync(quarters[i])));
            Assert.Equal(expected[0], SummaryJson.Serialize(await figures.GetAreaSummaryAsync("Harborough", quarters[0])));

            await using var db = await factory.CreateDbContextAsync();
            var area = Assert.Single(await db.Areas.ToListAsync());
            Assert.True(area.IsHome);
            Assert.Equal(Area.HomeId, area.Id);
            Assert.All(await db.Beats.ToListAsync(), b => Assert.Equal(Area.HomeId, b.AreaId));
            Assert.All(await db.ImportMonths.ToListAsync(), m => Assert.Equal(Area.HomeId, m.AreaId));
            Assert.Equal(await today.CountRowsAsync(), (await db.Imports.CountAsync(), await db.Facts.CountAsync(), await db.ImportMonths.CountAsync()));

            // And it goes on working: a new import after the upgrade replaces a month of the home area.
            var importer = services.GetRequiredService<CommunitySafety.Data.Import.Importer>();
            var report = await importer.ImportAsync(new CommunitySafety.Data.Import.ImportRequest(
                [CommunitySafety.Data.Import.UploadedFile.FromPath(today.WriteFile("after.csv", TestDatabase.Lines("Month,Beat,Category,Count", "2023-04,Harborough North,ASB,1")))]));
            Assert.Equal(CommunitySafety.Data.Import.ImportOutcome.Imported, report.Outcome);
            Assert.NotNull(Assert.Single(report.Months).ReplacedImportId);
            Assert.Equal("Harborough", Assert.Single(await db.Areas.AsNoTracking().ToListAsync()).Name);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
