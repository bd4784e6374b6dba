using CommunitySafety.Data.Storage;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.TestMonths;
using System.IO.Compression;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>police.uk street-level files (import-formats.md section 2): area filter, grouping, beat map, zip.</summary>
public class PoliceUkImportTests
{
    /// <summary>SQLite here; <see cref="PoliceUkImportOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<TestDatabase> CreateAsync() => TestDatabase.CreateAsync(provider: Provider);

    private const string Header =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private static readonly FinancialQuarter Q1 = new(2023, 1);

    /// <summary>One police.uk row; ASB rows have no Crime ID and no outcome, as in the real files.</summary>
    private static string Row(string month, string lsoaCode, string lsoaName, string crimeType, string location = "On or near High Street")
    {
        var asb = crimeType == "Anti-social behaviour";
        var id = asb ? "" : Guid.NewGuid().ToString("N");
        var outcome = asb ? "" : "Investigation complete; no suspect identified";
        return $"{id},{month},Leicestershire Police,Leicestershire Police,-0.92,52.47,\"{location}\",{lsoaCode},{lsoaName},{crimeType},{outcome},";
    }

    /// <summary>
    /// April 2023: Harborough 001A (2 ASB, 1 criminal damage), 001B (1 burglary), 002A (3 ASB), 002C (1 violence);
    /// 3 rows in Blaby and Leicester (outside), 2 with no LSOA.
    /// </summary>
    private static string[] AprilRows =>
    [
        Row("2023-04", "E01025770", "Harborough 001A", "Anti-social behaviour"),
        Row("2023-04", "E01025770", "Harborough 001A", "Anti-social behaviour", "On or near Church Square, Market Harborough"),
        Row("2023-04", "E01025770", "Harborough 001A", "Criminal damage and arson"),
        Row("2023-04", "E01025771", "Harborough 001B", "Burglary"),
        Row("2023-04", "E01025780", "Harborough 002A", "Anti-social behaviour"),
        Row("2023-04", "E01025780", "Harborough 002A", "Anti-social behaviour"),
        Row("2023-04", "E01025780", "Harborough 002A", "Anti-social behaviour"),
        Row("2023-04", "E01025782", "Harborough 002C", "Violence and sexual offences"),
        Row("2023-04", "E01025600", "Blaby 001A", "Anti-social behaviour"),
        Row("2023-04", "E01025601", "Blaby 001B", "Burglary"),
        Row("2023-04", "E01013400", "Leicester 010A", "Shoplifting"),
        Row("2023-04", "", "", "Violence and sexual offences", "No Location"),
        Row("2023-04", "", "", "Anti-social behaviour", "No Location"),
    ];

    [Fact]
    public async Task Only_rows_in_the_area_are_kept_and_the_others_are_counted_with_reasons()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("2023-04-leicestershire-street.csv", string.Join("\r\n", [Header, .. AprilRows]) + "\r\n");

        var report = await db.ImportOkAsync(file);

        Assert.Equal(ImportFormat.PoliceUk, report.Files.Single().Format);
        Assert.Equal(13, report.RowsRead);
        Assert.Equal(8, report.RowsKept);
        Assert.Equal(5, report.RowsSkipped);
        Assert.Equal(3, Assert.Single(report.SkipReasons, r => r.Reason.Contains("outside Harborough")).Count);
        Assert.Equal(2, Assert.Single(report.SkipReasons, r => r.Reason.Contains("no LSOA")).Count);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Without_a_beat_map_rows_are_grouped_by_neighbourhood()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows])));

        var summary = await db.Figures.GetSummaryAsync(Q1);

        Assert.Equal(["Harborough 001", "Harborough 002"], summary.Beats.Select(b => b.Name).Order());
        var n001 = summary.Beats.Single(b => b.Name == "Harborough 001");
        var n002 = summary.Beats.Single(b => b.Name == "Harborough 002");
        Assert.Equal((2, 2), (n001.Asb!.Current, n001.Crime!.Current));
        Assert.Equal((3, 1), (n002.Asb!.Current, n002.Crime!.Current));
        Assert.Equal(5, summary.Asb!.Current);
        Assert.Equal(3, summary.Crime!.Current);
        // Crime types keep their police.uk names; Anti-social behaviour is ASB, not a crime type.
        Assert.Equal(["Burglary", "Criminal damage and arson", "Violence and sexual offences"], summary.CrimeTypes.Select(t => t.Name).Order());
        Assert.Equal("neighbourhood", (await ImportHistory.ListAsync(db.DbFactory)).Single().Grouping);
    }

    [Fact]
    public async Task Police_uk_months_have_no_domestic_or_location_type_figures_rather_than_zero()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows])));

        var summary = await db.Figures.GetSummaryAsync(Q1);

        Assert.NotNull(summary.Asb);
        Assert.Null(summary.Domestic);
        Assert.All(summary.Beats, b => Assert.Null(b.Domestic));
        Assert.Empty(summary.LocationTypes.Asb);
        Assert.Empty(summary.LocationTypes.Domestic);
        Assert.Null(summary.Headlines.TopDomesticBeat);
        Assert.Null((await db.MonthlyAsync("domestic"))["2023-04"]);
    }

    [Fact]
    public async Task A_beat_map_by_lsoa_code_names_the_beats_and_skips_codes_it_does_not_list()
    {
        await using var db = await CreateAsync();
        var map = db.WriteFile("beats.csv", Lines(
            "LSOA code,Beat",
            "E01025770,Market Harborough Town",
            "E01025771,Market Harborough Town",
            "E01025780,Lutterworth",
            "E01025600,Lutterworth")); // a Blaby LSOA the map puts in the area: the map, not the name, decides
        var file = db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows]));

        var report = await db.ImportAsync([file], beatMap: map);

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        // Kept: 001A x3, 001B, 002A x3, Blaby 001A. Skipped as outside: 002C (a Harborough name, not in the map), Blaby 001B, Leicester.
        Assert.Equal(8, report.RowsKept);
        Assert.Equal(3, Assert.Single(report.SkipReasons, r => r.Reason.Contains("not in the beat map")).Count);
        Assert.Equal(2, Assert.Single(report.SkipReasons, r => r.Reason.Contains("no LSOA")).Count);
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal(["Lutterworth", "Market Harborough Town"], summary.Beats.Select(b => b.Name).Order());
        Assert.Equal(4, summary.Beats.Single(b => b.Name == "Lutterworth").Asb!.Current);
        Assert.Equal(2, summary.Beats.Single(b => b.Name == "Market Harborough Town").Crime!.Current);
        Assert.Equal("beat map", (await ImportHistory.ListAsync(db.DbFactory)).Single().Grouping);
    }

    [Fact]
    public async Task A_beat_map_by_lsoa_name_names_the_beats()
    {
        await using var db = await CreateAsync();
        var map = db.WriteFile("beats-by-name.csv", Lines(
            "LSOA name,Beat",
            "Harborough 001A,Harborough Town",
            "Harborough 002A,Broughton Astley",
            "Harborough 002C,Broughton Astley"));
        var file = db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows]));

        var report = await db.ImportAsync([file], beatMap: map);

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Equal(7, report.RowsKept); // 001B is not in the map
        var summary = await db.Figures.GetSummaryAsync(Q1);
        var town = summary.Beats.Single(b => b.Name == "Harborough Town");
        var astley = summary.Beats.Single(b => b.Name == "Broughton Astley");
        Assert.Equal((2, 1), (town.Asb!.Current, town.Crime!.Current));
        Assert.Equal((3, 1), (astley.Asb!.Current, astley.Crime!.Current));
        Assert.Equal(2, summary.Beats.Count);
    }

    [Fact]
    public async Task A_police_uk_zip_reads_its_street_files_and_names_the_files_it_skips()
    {
        await using var db = await CreateAsync();
        var zipPath = Path.Combine(db.Folder, "leicestershire-download.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            Add(zip, "2023-04/2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows]));
            Add(zip, "2023-05/2023-05-leicestershire-street.csv", Lines(Header,
                Row("2023-05", "E01025770", "Harborough 001A", "Anti-social behaviour"),
                Row("2023-05", "E01025770", "Harborough 001A", "Drugs")));
            Add(zip, "2023-04/2023-04-leicestershire-outcomes.csv", "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n");
            Add(zip, "2023-04/2023-04-leicestershire-stop-and-search.csv", "Type,Date,Part of a policing operation\n");
        }

        var report = await db.ImportOkAsync(zipPath);

        Assert.Equal(2, report.Files.Count);
        Assert.All(report.Files, f => Assert.Equal(ImportFormat.PoliceUk, f.Format));
        Assert.Contains(report.Files, f => f.FileName.EndsWith("2023-04-leicestershire-street.csv"));
        Assert.Contains(report.Files, f => f.FileName.EndsWith("2023-05-leicestershire-street.csv"));
        Assert.Equal([M("2023-04"), M("2023-05")], report.Months.Select(m => m.Month));
        Assert.Contains(report.Warnings, w => w.Contains("2023-04-leicestershire-outcomes.csv") && w.Contains("2023-04-leicestershire-stop-and-search.csv"));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 5, ["2023-05"] = 1 }, await db.MonthlyAsync("asb"));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 3, ["2023-05"] = 1 }, await db.MonthlyAsync("crime"));
    }

    [Fact]
    public async Task Police_uk_and_beat_extract_files_can_be_imported_together()
    {
        await using var db = await CreateAsync();
        var street = db.WriteFile("2023-04-leicestershire-street.csv", Lines([Header, .. AprilRows]));
        var extract = db.WriteFile("may.csv", Lines("Month,Beat,Category,Type,LocationType,Domestic,Count", "2023-05,Harborough North,ASB,,Street,Y,6"));

        var report = await db.ImportOkAsync(street, extract);

        Assert.Equal([ImportFormat.PoliceUk, ImportFormat.BeatExtract], report.Files.Select(f => f.Format));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 5, ["2023-05"] = 6 }, await db.MonthlyAsync("asb"));
        // April came from police.uk: it cannot say what was domestic; May can.
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = null, ["2023-05"] = 6 }, await db.MonthlyAsync("domestic"));
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}

public sealed class PoliceUkImportOnPostgreSqlTests : PoliceUkImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
