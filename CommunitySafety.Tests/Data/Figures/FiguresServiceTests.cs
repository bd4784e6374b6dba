using CommunitySafety.Data.Storage;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Tests.Data.Figures;

/// <summary>The figures service over a real database: what it reads is the live data, one beat or one crime type of it.</summary>
public class FiguresServiceTests
{
    /// <summary>SQLite here; <see cref="FiguresServiceOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<TestDatabase> CreateAsync() => TestDatabase.CreateAsync(provider: Provider);

    private static readonly FinancialQuarter Q1 = new(2023, 1);

    private static string Extract(params string[] rows) => TestDatabase.Lines(
        ["Month,Beat,Category,Type,LocationType,Domestic,Count", .. rows]);

    [Fact]
    public async Task Location_types_of_one_crime_type_count_only_that_type()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("q1.csv", Extract(
            "2022-04,North,Crime,Criminal Damage,Street,N,4",
            "2022-04,North,Crime,Criminal Damage,Residential,N,9",
            "2023-04,North,Crime,Criminal Damage,Street,N,7",
            "2023-04,Town,Crime,Criminal Damage,Residential,N,2",
            "2023-04,Town,Crime,Burglary Residential,Residential,N,50")));

        var district = await db.Figures.GetCrimeTypeLocationTypesAsync(Q1, "criminal damage");
        var town = await db.Figures.GetCrimeTypeLocationTypesAsync(Q1, "Criminal Damage", "town");

        Assert.Equal(["Street", "Residential"], district.Select(l => l.Name));
        Assert.Equal((7, 4), (district[0].Current, district[0].Previous));
        Assert.Equal((2, 9), (district[1].Current, district[1].Previous));
        Assert.Equal(("Residential", 2, 0), (town.Single(l => l.Current > 0).Name, town.Single(l => l.Current > 0).Current, town.Single(l => l.Current > 0).Previous));
    }

    [Fact]
    public async Task A_beat_summary_counts_that_beat_alone_and_names_it()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("q1.csv", Extract(
            "2022-04,North,ASB,Nuisance,Street,N,10",
            "2023-04,North,ASB,Nuisance,Street,N,5",
            "2023-04,Town,ASB,Nuisance,Street,N,40")));

        var north = await db.Figures.GetSummaryAsync(Q1, "north");

        Assert.Equal("North", north.Area);
        Assert.Equal((5, 10), (north.Asb!.Current, north.Asb.Previous));
        Assert.Equal(["North"], north.Beats.Select(b => b.Name));
    }

    [Fact]
    public async Task Figures_follow_a_new_import_without_a_restart()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("a.csv", Extract("2023-04,North,ASB,,,N,5", "2022-04,North,ASB,,,N,5")));
        Assert.Equal(5, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Current);

        await db.ImportOkAsync(db.WriteFile("b.csv", Extract("2023-04,North,ASB,,,N,8")));

        Assert.Equal(8, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Current);
    }
}

public sealed class FiguresServiceOnPostgreSqlTests : FiguresServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
