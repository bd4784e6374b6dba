using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Tests.Data.Storage;

/// <summary>
/// The live facts of a few months are found through each month's import (the index on import and month), so reading
/// them costs the same however many years are stored: SQLite's own plan, asked of the query the app sends.
/// </summary>
public sealed class LiveFactsQueryTests
{
    [Fact]
    public async Task A_months_live_facts_are_read_through_its_import_not_through_every_fact_of_every_beat()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var month = new YearMonth(2023, 6).Key;
        var query = db.LiveFactsOf(Area.HomeId, db.LatestOwners().Where(o => o.AreaId == Area.HomeId && o.Month == month));

        var plan = await PlanAsync(database.ConnectionString, query.ToQueryString());

        Assert.Contains("IX_Facts_ImportId_Month", plan);
        Assert.DoesNotContain("IX_Facts_BeatId", plan);
        Assert.DoesNotContain("SCAN f", plan);
    }

    [Fact]
    public async Task The_live_facts_are_the_latest_committed_imports_of_the_areas_own_beats()
    {
        await using var database = await TestDatabase.CreateAsync(include: ["*"]);
        var file = Path.Combine(database.Folder, "street.csv");
        await File.WriteAllTextAsync(file,
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
            ",2023-06,Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E01000001,Harborough 001A,Burglary,,\n" +
            ",2023-06,Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E01000002,Blaby 001A,Burglary,,\n" +
            ",2023-06,Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E01000002,Blaby 001A,Drugs,,\n");
        await database.ImportOkAsync(file);
        await File.WriteAllTextAsync(file, File.ReadAllText(file).Replace("Burglary", "Robbery"));
        await database.ImportOkAsync(file);
        await using var db = await database.DbFactory.CreateDbContextAsync();

        var harborough = await db.LiveFactsOf(Area.HomeId, db.LatestOwners().Where(o => o.AreaId == Area.HomeId)).ToListAsync();

        var fact = Assert.Single(harborough);
        Assert.Equal(("Harborough 001", "Robbery", 1), (fact.Beat, fact.CrimeType, fact.Count));
    }

    /// <summary>SQLite's plan for the SQL EF would send, with EF's parameters (written as ".param set" lines) bound.</summary>
    private static async Task<string> PlanAsync(string connectionString, string queryString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = queryString.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Trim().Split(' ', 4);
            command.Parameters.AddWithValue(parts[2], parts[3].Trim('\''));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join("\n", plan);
    }
}
