using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>A police.uk file is kept as its rows' month, LSOA and crime type, compressed: re-grouping from it gives what the whole file gives.</summary>
public class KeptPoliceUkFileTests
{
    private const string PoliceUkHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task Regrouping_from_the_kept_form_gives_the_same_as_importing_the_whole_file_under_the_new_map()
    {
        await using var database = await TestDatabase.CreateAsync();
        var street = database.WriteFile("2023-06-leicestershire-street.csv", StreetFile());
        var first = await database.ImportOkAsync(street);
        var uploads = new StoredUploads(StoredUploads.FolderBeside(database.ConnectionString));
        var keptBytes = new FileInfo(uploads.PathOf(first.Files[0].Sha256)).Length;
        Assert.True(keptBytes * 10 < new FileInfo(street).Length, $"kept {keptBytes:N0} bytes of a {new FileInfo(street).Length:N0}-byte file");

        var map = database.WriteFile("map.csv", TestDatabase.Lines("LSOA code,Beat", "E01025770,Town", "E01025771,Town", "E01025772,Rural", "E01025600,Rural"));
        var store = new BeatMapStore(StoredUploads.FolderBeside(database.ConnectionString));
        store.Save(map, "map.csv", "test", DateTimeOffset.UtcNow);
        var (_, regrouped) = Assert.Single(await Regrouping.RegroupAsync(database.DbFactory, database.Importer, uploads, store.CurrentPath!, "test"));

        await using var direct = await TestDatabase.CreateAsync();
        var whole = await direct.ImportAsync([direct.WriteFile("2023-06-leicestershire-street.csv", StreetFile())], beatMap: direct.WriteFile("map.csv", File.ReadAllText(map)));

        Assert.Equal(ImportOutcome.Imported, regrouped.Outcome);
        Assert.Equal((whole.RowsRead, whole.RowsKept, whole.RowsSkipped), (regrouped.RowsRead, regrouped.RowsKept, regrouped.RowsSkipped));
        Assert.Equal(whole.SkipReasons, regrouped.SkipReasons);
        foreach (var measure in new[] { "asb", "crime" })
        foreach (var beat in new[] { "Town", "Rural" })
            Assert.Equal(await direct.MonthlyAsync(measure, beat), await database.MonthlyAsync(measure, beat));

        // And again, from the re-grouped import's own kept form.
        Assert.True(uploads.Has(regrouped.Files[0].Sha256));
    }

    [Fact]
    public async Task A_police_uk_file_kept_whole_before_is_still_read_for_regrouping()
    {
        await using var database = await TestDatabase.CreateAsync();
        var street = database.WriteFile("2023-06-leicestershire-street.csv", StreetFile());
        var first = await database.ImportOkAsync(street);
        var uploads = new StoredUploads(StoredUploads.FolderBeside(database.ConnectionString));
        var sha = first.Files[0].Sha256;
        // As kept before: the file itself, "SHA.csv".
        File.Delete(uploads.PathOf(sha));
        File.Copy(street, Path.Combine(uploads.Folder, "uploads", sha + ".csv"));
        Assert.EndsWith(sha + ".csv", uploads.PathOf(sha));

        var store = new BeatMapStore(StoredUploads.FolderBeside(database.ConnectionString));
        store.Save(database.WriteFile("map.csv", TestDatabase.Lines("LSOA code,Beat", "E01025770,Town", "E01025771,Town")), "map.csv", "test", DateTimeOffset.UtcNow);
        var (_, regrouped) = Assert.Single(await Regrouping.RegroupAsync(database.DbFactory, database.Importer, uploads, store.CurrentPath!, "test"));

        Assert.Equal(ImportOutcome.Imported, regrouped.Outcome);
        Assert.Equal(first.RowsRead, regrouped.RowsRead);
        Assert.Equal(["Town"], (await database.Figures.GetOverviewAsync()).Beats);
    }

    /// <summary>Rows of four LSOAs (one outside Harborough), ASB and crime, in two months, as police.uk writes them.</summary>
    private static string StreetFile()
    {
        var lines = new List<string> { PoliceUkHeader };
        var lsoas = new[] { ("E01025770", "Harborough 002A"), ("E01025771", "Harborough 002B"), ("E01025772", "Harborough 003A"), ("E01025600", "Blaby 001A") };
        for (var i = 0; i < 400; i++)
        {
            var (code, name) = lsoas[i % lsoas.Length];
            var type = i % 3 == 0 ? "Anti-social behaviour" : i % 3 == 1 ? "Burglary" : "Criminal damage and arson";
            lines.Add($"{i:x16}{i:x16}{i:x16}{i:x16},2023-0{6 + i % 2},Leicestershire Police,Leicestershire Police,-0.9{i},52.4{i},\"On or near High Street, Market Harborough\",{code},{name},{type},Investigation complete; no suspect identified,");
        }
        return TestDatabase.Lines([.. lines]);
    }
}
