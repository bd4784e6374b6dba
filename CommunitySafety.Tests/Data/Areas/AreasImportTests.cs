using CommunitySafety.Data.Storage;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>areas-and-rates.md, "Areas": areas kept, rows of other areas skipped and counted, latest wins per area.</summary>
public class AreasImportTests
{
    /// <summary>SQLite here; <see cref="AreasImportOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<TestDatabase> CreateAsync(string area = "Harborough", IReadOnlyList<string>? include = null) => TestDatabase.CreateAsync(area, include, Provider);

    private const string Header =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private static readonly FinancialQuarter Q1 = new(2023, 1);

    private static string Row(string month, string lsoaName, string crimeType) =>
        $"x,{month},Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E0100000,{lsoaName},{crimeType},,";

    /// <summary>April 2023: Harborough 3 ASB + 1 burglary, Blaby 2 ASB, Hinckley and Bosworth 1 ASB, Leicester 1 shoplifting, 1 name of no area.</summary>
    private static string[] April =>
    [
        Row("2023-04", "Blaby 001A", "Anti-social behaviour"),
        Row("2023-04", "Blaby 002B", "Anti-social behaviour"),
        Row("2023-04", "Harborough 001A", "Anti-social behaviour"),
        Row("2023-04", "Harborough 001A", "Anti-social behaviour"),
        Row("2023-04", "Harborough 002C", "Anti-social behaviour"),
        Row("2023-04", "Harborough 002C", "Burglary"),
        Row("2023-04", "Hinckley and Bosworth 012C", "Anti-social behaviour"),
        Row("2023-04", "Leicester 010A", "Shoplifting"),
        Row("2023-04", "Somewhere near Leicester", "Burglary"),
    ];

    private static async Task<int?> AsbAsync(TestDatabase db, string? area, string month = "2023-04")
    {
        var summary = await db.Figures.GetAreaSummaryAsync(area, FinancialQuarter.Containing(TestMonths.M(month)));
        Assert.NotNull(summary);
        return summary.Asb?.Current;
    }

    [Fact]
    public async Task Rows_of_the_areas_kept_go_to_their_areas_and_the_others_are_skipped_and_counted()
    {
        await using var db = await CreateAsync(include: ["Blaby", "Hinckley and Bosworth"]);
        var report = await db.ImportOkAsync(db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. April])));

        Assert.Equal(9, report.RowsRead);
        Assert.Equal(7, report.RowsKept);
        Assert.Equal(1, Assert.Single(report.SkipReasons, r => r.Reason == AreaRules.OutsideAreasKeptReason).Count); // Leicester
        Assert.Equal(1, Assert.Single(report.SkipReasons, r => r.Reason == AreaRules.NoAreaReason).Count);
        Assert.Contains("The files also hold rows of 1 area not kept, which were skipped: Leicester. The setting Areas:Include chooses the areas kept.", report.Warnings);
        Assert.Equal(3, await AsbAsync(db, null));
        Assert.Equal(3, await AsbAsync(db, "Harborough"));
        Assert.Equal(2, await AsbAsync(db, "blaby"));
        Assert.Equal(1, await AsbAsync(db, "Hinckley and Bosworth"));
        Assert.Null(await db.Figures.GetAreaSummaryAsync("Leicester", Q1));
        Assert.Equal(["Harborough", "Blaby", "Hinckley and Bosworth"], await db.Figures.GetAreasAsync());

        var blaby = await db.Figures.GetAreaSummaryAsync("Blaby", Q1);
        Assert.Equal("Blaby", blaby!.Area);
        Assert.Equal(["Blaby 001", "Blaby 002"], blaby.Beats.Select(b => b.Name).Order());
    }

    [Fact]
    public async Task A_named_area_is_looked_up_once_a_version_of_the_data_as_the_database_matches_it()
    {
        await using var db = await CreateAsync(include: ["Blaby", "Hinckley and Bosworth"]);
        await db.ImportOkAsync(db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. April])));
        var figures = (FiguresService)db.Figures;

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Equal("Blaby", (await db.Figures.GetAreaSummaryAsync("blaby", Q1))!.Area); // the stored name, whatever the case asked
            Assert.Null(await db.Figures.GetAreaSummaryAsync("Leicester", Q1));
        }
        Assert.Equal(2, figures.AreaLookups);

        // A new version of the data may hold new areas: each name is looked up again, once.
        await db.ImportOkAsync(db.WriteFile("2023-05-leicestershire-street.csv", Lines([Header, Row("2023-05", "Blaby 001A", "Anti-social behaviour")])));
        Assert.Equal(3, await AsbAsync(db, "blaby", "2023-05"));
        Assert.Equal(3, await AsbAsync(db, "blaby", "2023-05"));
        Assert.Equal(3, figures.AreaLookups);
    }

    [Fact]
    public async Task With_only_the_home_area_kept_other_areas_are_skipped_as_before_and_a_name_of_no_area_is_said()
    {
        await using var db = await CreateAsync();
        var report = await db.ImportOkAsync(db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. April])));

        Assert.Equal(4, report.RowsKept);
        Assert.Equal(4, Assert.Single(report.SkipReasons, r => r.Reason.StartsWith("outside Harborough", StringComparison.Ordinal)).Count);
        Assert.Equal(1, Assert.Single(report.SkipReasons, r => r.Reason == AreaRules.NoAreaReason).Count);
        Assert.Equal(["Harborough"], await db.Figures.GetAreasAsync());
        Assert.DoesNotContain(report.Warnings, w => w.Contains("not kept")); // home only: the skip reason says it, as before
    }

    [Fact]
    public async Task A_police_uk_import_replaces_a_month_only_in_the_areas_it_holds_rows_for_and_undo_brings_them_back()
    {
        await using var db = await CreateAsync(include: ["*"]);
        var first = await db.ImportOkAsync(db.WriteFile("april.csv", Lines([Header, .. April])));
        // A second file for April holding Blaby only: 5 ASB.
        var second = await db.ImportOkAsync(db.WriteFile("april-blaby.csv", Lines([Header, .. Enumerable.Repeat(Row("2023-04", "Blaby 003A", "Anti-social behaviour"), 5)])));

        Assert.Equal(5, await AsbAsync(db, "Blaby"));
        Assert.Equal(3, await AsbAsync(db, "Harborough")); // still from the first import
        Assert.Equal(1, await AsbAsync(db, "Hinckley and Bosworth"));
        Assert.Equal(first.ImportId, Assert.Single(second.Months).ReplacedImportId);

        var undo = await db.Importer.UndoAsync(second.ImportId!.Value);
        Assert.True(undo.Done, undo.Message);
        Assert.Equal(2, await AsbAsync(db, "Blaby"));
        Assert.Equal(3, await AsbAsync(db, "Harborough"));
    }

    [Fact]
    public async Task A_beat_extract_belongs_to_the_home_area_or_to_the_area_asked_for_or_to_its_Area_column()
    {
        await using var db = await CreateAsync(include: ["*"]);
        var extract = Lines("Month,Beat,Category,Count", "2023-04,Town Centre,ASB,7");
        await db.ImportOkAsync(db.WriteFile("home.csv", extract));
        var blaby = await db.Importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(db.WriteFile("blaby.csv", Lines("Month,Beat,Category,Count", "2023-04,Town Centre,ASB,4")))], Area: "Blaby"));
        Assert.Equal(ImportOutcome.Imported, blaby.Outcome);
        await db.ImportOkAsync(db.WriteFile("columns.csv", Lines("Month,Area,Beat,Category,Count", "2023-05,Melton,Town Centre,ASB,2", "2023-05,Harborough,Town Centre,ASB,3")));

        Assert.Equal(10, await AsbAsync(db, null)); // 7 in April, 3 in May
        Assert.Equal(4, await AsbAsync(db, "Blaby")); // the same beat name in another area is another beat
        Assert.Equal(2, await AsbAsync(db, "Melton", "2023-05"));
        Assert.Equal(3, (await db.MonthlyAsync("asb"))["2023-05"]);
        Assert.Equal(7, (await db.MonthlyAsync("asb"))["2023-04"]); // May's extract replaced May only
    }

    [Fact]
    public async Task Rows_of_an_Area_column_naming_an_area_not_kept_are_skipped_and_counted()
    {
        await using var db = await CreateAsync();
        var report = await db.ImportOkAsync(db.WriteFile("columns.csv", Lines("Month,Area,Beat,Category,Count", "2023-05,Melton,Town,ASB,2", "2023-05,Harborough,Town,ASB,3")));

        Assert.Equal(1, report.RowsSkipped);
        Assert.Equal(3, (await db.MonthlyAsync("asb"))["2023-05"]);
        Assert.Equal(["Harborough"], await db.Figures.GetAreasAsync());
    }
}

public sealed class AreasImportOnPostgreSqlTests : AreasImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
