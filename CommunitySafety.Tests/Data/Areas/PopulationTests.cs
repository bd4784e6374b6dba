using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>areas-and-rates.md, "Population": the file's import, populations summed into beats and areas, the estimate chosen for a year.</summary>
public class PopulationTests
{
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    private static Task<ImportReport> ImportPopulationAsync(TestDatabase db, string name, string text) =>
        db.Importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(db.WriteFile(name, text))], ImportFormat.Population, ImportedBy: "test"));

    /// <summary>Harborough 001 had 6 ASB incidents in April 2023 and Harborough 002 had 3; Blaby 001 had 4.</summary>
    private static async Task<TestDatabase> WithCountsAsync()
    {
        var db = await CreateAsync(include: ["Blaby"]);
        await db.ImportOkAsync(db.WriteFile("home.csv", Lines("Month,Beat,Category,Count", "2022-04,Harborough 001,ASB,1", "2023-04,Harborough 001,ASB,6", "2023-04,Harborough 002,ASB,3")));
        var blaby = await db.Importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(db.WriteFile("blaby.csv", Lines("Month,Beat,Category,Count", "2022-04,Blaby 001,ASB,1", "2023-04,Blaby 001,ASB,4")))], Area: "Blaby"));
        Assert.Equal(ImportOutcome.Imported, blaby.Outcome);
        return db;
    }

    [Fact]
    public async Task LSOA_populations_are_summed_into_beats_and_areas_and_give_rates_beside_the_counts()
    {
        await using var db = await WithCountsAsync();
        var report = await ImportPopulationAsync(db, "population.csv", Lines("LSOA name,Year,Population",
            "Harborough 001A,2022,1000", "Harborough 001B,2022,1500", "Harborough 002A,2022,2000", "Blaby 001A,2022,3000", "Leicester 001A,2022,5000"));

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Equal(4, report.RowsKept);
        Assert.Equal(1, Assert.Single(report.SkipReasons, r => r.Reason == AreaRules.OutsideAreasKeptReason).Count);
        Assert.Contains("4 population figures kept (mid-year estimate of 2022)", report.Message);

        var home = await db.Figures.GetSummaryAsync(Q1);
        // Harborough: 1,000 + 1,500 + 2,000 = 4,500 residents; 9 ASB -> 9 / 4,500 x 1,000 = 2.00.
        Assert.Equal(2.0, home.Asb!.Rate);
        // Harborough 001: 1,000 + 1,500 = 2,500; 6 -> 2.40. Harborough 002: 2,000; 3 -> 1.50.
        Assert.Equal(2.4, home.Beats.Single(b => b.Name == "Harborough 001").Asb!.Rate);
        Assert.Equal(1.5, home.Beats.Single(b => b.Name == "Harborough 002").Asb!.Rate);
        // Blaby: 3,000; 4 -> 1.33.
        Assert.Equal(1.33, (await db.Figures.GetAreaSummaryAsync("Blaby", Q1))!.Asb!.Rate);
        Assert.Contains("\"rate\": 2", SummaryJson.Serialize(home));
    }

    [Fact]
    public async Task Without_a_population_no_rate_is_written_not_a_zero()
    {
        await using var db = await WithCountsAsync();
        var json = SummaryJson.Serialize(await db.Figures.GetSummaryAsync(Q1));
        Assert.DoesNotContain("\"rate\"", json);

        // A population of Blaby only: Harborough still has none.
        Assert.Equal(ImportOutcome.Imported, (await ImportPopulationAsync(db, "p.csv", Lines("Area,Population", "Blaby,3000"))).Outcome);
        Assert.Null((await db.Figures.GetSummaryAsync(Q1)).Asb!.Rate);
        Assert.Equal(1.33, (await db.Figures.GetAreaSummaryAsync("Blaby", Q1))!.Asb!.Rate);
    }

    [Fact]
    public async Task A_beat_row_and_an_area_row_are_used_where_no_LSOA_is_given()
    {
        await using var db = await WithCountsAsync();
        await ImportPopulationAsync(db, "p.csv", Lines("Area,Beat,Population", "Harborough,Harborough 001,3000", "Harborough,Harborough 002,1500", "Blaby,,2000"));

        var home = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal(2.0, home.Asb!.Rate); // 9 / (3,000 + 1,500) x 1,000
        Assert.Equal(2.0, home.Beats.Single(b => b.Name == "Harborough 001").Asb!.Rate); // 6 / 3,000
        Assert.Equal(2.0, (await db.Figures.GetAreaSummaryAsync("Blaby", Q1))!.Asb!.Rate); // 4 / 2,000
    }

    [Fact]
    public async Task A_bad_population_file_is_refused_with_every_error_by_line_and_changes_nothing()
    {
        await using var db = await WithCountsAsync();
        var before = await db.DumpAsync();
        var report = await ImportPopulationAsync(db, "bad.csv", Lines("LSOA name,Year,Population",
            "Harborough 001A,2022,0", "Harborough 001B,22,1500", "Harborough 002A,2022,lots", "Harborough 002A,2022,10", "Harborough 002A,2022,12"));

        Assert.Equal(ImportOutcome.Refused, report.Outcome);
        Assert.Equal([2, 3, 4, 6], report.Errors.Select(e => e.Line!.Value));
        Assert.Contains("a whole number above 0", report.Errors[0].ToString());
        Assert.Contains("already on line 5", report.Errors[3].ToString());
        Assert.Equal(before, await db.DumpAsync());

        var noPlace = await ImportPopulationAsync(db, "noplace.csv", Lines("Year,Population", "2022,10"));
        Assert.Equal(ImportOutcome.Refused, noPlace.Outcome);
        Assert.Contains("needs a Population column and one of Area, Beat, LSOA code or LSOA name", noPlace.Errors.Single().ToString());
    }

    [Fact]
    public async Task The_latest_population_import_is_used_and_undo_goes_back_to_the_one_before()
    {
        await using var db = await WithCountsAsync();
        await ImportPopulationAsync(db, "p1.csv", Lines("Area,Population", "Harborough,4500"));
        var second = await ImportPopulationAsync(db, "p2.csv", Lines("Area,Population", "Harborough,9000"));
        Assert.Equal(1.0, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Rate);

        Assert.True((await db.Importer.UndoAsync(second.ImportId!.Value)).Done);
        Assert.Equal(2.0, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Rate);
        Assert.Contains(await ImportHistory.ListAsync(db.DbFactory), i => i.Files.Any(f => f.Format == ImportFormat.Population));
    }

    [Fact]
    public void The_estimate_for_a_financial_year_is_the_latest_of_a_year_at_most_its_start_else_the_earliest()
    {
        var table = new PopulationTable(
        [
            new(2020, PopulationLevel.Area, null, null, 1000),
            new(2022, PopulationLevel.Area, null, null, 1200),
            new(null, PopulationLevel.Area, "Blaby", null, 500),
        ]);
        Assert.Equal(1000, table.OfArea(null, 2021)); // 2021-22: 2020's
        Assert.Equal(1200, table.OfArea(null, 2022)); // 2022-23: 2022's
        Assert.Equal(1200, table.OfArea(null, 2025)); // later years: the latest
        Assert.Equal(1000, table.OfArea(null, 2018)); // earlier than every estimate: the earliest
        Assert.Equal(2020, table.YearFor(null, 2019));
        Assert.Equal(500, table.OfArea("blaby", 2010)); // without a year: every year
        Assert.Null(table.OfArea("Melton", 2022));
    }

    [Fact]
    public void An_areas_population_is_its_LSOAs_else_its_beats_else_its_area_row()
    {
        var table = new PopulationTable(
        [
            new(2022, PopulationLevel.Area, null, null, 99_999),
            new(2022, PopulationLevel.Beat, null, "North", 700),
            new(2022, PopulationLevel.Lsoa, null, "North", 300),
            new(2022, PopulationLevel.Lsoa, null, "North", 200),
            new(2022, PopulationLevel.Lsoa, null, "South", 400),
            new(2022, PopulationLevel.Beat, "Blaby", "Town", 800),
            new(2022, PopulationLevel.Area, "Blaby", null, 99_999),
        ]);
        Assert.Equal(900, table.OfArea(null, 2022));
        Assert.Equal(500, table.OfBeat(null, "north", 2022));
        Assert.Equal(800, table.OfArea("Blaby", 2022));
        Assert.Equal(800, table.OfBeat("Blaby", "Town", 2022));
        Assert.Null(table.OfBeat(null, "West", 2022));
    }
}
