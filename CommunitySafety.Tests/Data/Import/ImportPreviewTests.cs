using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.Import;

public class ImportPreviewTests
{
    private const string PoliceUkHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task The_preview_shows_the_months_replaced_and_how_the_latest_ytd_figures_move_and_writes_nothing()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var summaryBefore = await database.Figures.GetSummaryAsync(new FinancialQuarter(2023, 2));
        var path = SampleDataImport.Changed(database, "2023-24", 2, lines =>
            lines.Append("2023-08,Harborough Town,ASB,Nuisance,Street,N,40").Append("2023-09,Lutterworth,Crime,Burglary,Dwelling,Y,7"));
        var dump = await database.DumpAsync();

        using (var prepared = await SampleDataImport.PrepareAsync(database, path))
        {
            var preview = prepared.Preview;
            Assert.Equal([ImportFormat.BeatExtract], preview.Formats);
            Assert.Equal(["2023-07", "2023-08", "2023-09"], preview.Months.Select(m => m.Month));
            Assert.All(preview.Months, m => Assert.Equal(1, m.ReplacesImportId));
            Assert.StartsWith("import 1 of ", preview.Months[0].ReplacesDescription);
            Assert.Contains("by sample data (harborough-beat-extract-2019-20-Q1.csv", preview.Months[0].ReplacesDescription);
            Assert.Equal(7, preview.Beats.Count);
            Assert.Empty(preview.NewBeats);
            Assert.Equal(new FinancialQuarter(2023, 2), preview.Quarter);

            var asb = preview.Figures.Single(f => f.Name == "ASB");
            Assert.Equal(summaryBefore.Asb!.Current, asb.Before!.Current);
            Assert.Equal(summaryBefore.Asb.Current + 40, asb.After!.Current);
            Assert.Equal(summaryBefore.Asb.Previous, asb.After.Previous);
            var crime = preview.Figures.Single(f => f.Name == "Crime");
            Assert.Equal(summaryBefore.Crime!.Current + 7, crime.After!.Current);
            var domestic = preview.Figures.Single(f => f.Name == "Domestic incidents");
            Assert.Equal(summaryBefore.Domestic!.Current + 7, domestic.After!.Current);
        }

        Assert.Equal(dump, await database.DumpAsync());
    }

    [Fact]
    public async Task Rows_outside_the_area_are_counted_with_their_reason_in_the_preview()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = database.WriteFile("2023-06-leicestershire-street.csv", TestDatabase.Lines(
            PoliceUkHeader,
            "a,2023-06,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near X,E01025770,Harborough 002A,Burglary,,",
            ",2023-06,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near X,E01025600,Blaby 001A,Anti-social behaviour,,",
            ",2023-06,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near X,E01025601,Blaby 001B,Anti-social behaviour,,"));

        using var prepared = await SampleDataImport.PrepareAsync(database, path);

        Assert.Equal((3, 1, 2), (prepared.Preview.RowsRead, prepared.Preview.RowsKept, prepared.Preview.RowsSkipped));
        Assert.Equal([new CountedReason("outside Harborough (LSOA name does not start with 'Harborough')", 2)], prepared.Preview.SkipReasons);
        Assert.Equal(["Harborough 002"], prepared.Preview.Beats);
        Assert.Null(prepared.Preview.Months.Single().ReplacesImportId);
    }

    [Fact]
    public async Task A_second_import_waits_until_the_prepared_one_is_committed_or_cancelled()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = database.WriteFile("a.csv", TestDatabase.Lines("Month,Beat,Category", "2023-04,Harborough North,ASB"));
        var second = database.WriteFile("b.csv", TestDatabase.Lines("Month,Beat,Category", "2023-05,Harborough North,ASB"));

        var prepared = await SampleDataImport.PrepareAsync(database, first);
        Assert.True(prepared.IsReady);
        Assert.True(database.Importer.IsBusy);

        var waiting = SampleDataImport.PrepareAsync(database, second);
        Assert.False(waiting.IsCompleted);

        prepared.Dispose();
        using var next = await waiting;
        Assert.True(next.IsReady);
        Assert.Equal((0, 0, 0), await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_refused_import_gives_the_turn_back_and_writes_every_error_to_the_report_file()
    {
        await using var database = await TestDatabase.CreateAsync();
        var lines = new List<string> { "Month,Beat,Category,Count" };
        for (var i = 0; i < 50; i++) lines.Add($"2023-13,Harborough North,ASB,{(i % 2 == 0 ? "x" : "1")}");
        var path = database.WriteFile("bad.csv", TestDatabase.Lines([.. lines]));
        var reportPath = Path.Combine(database.Folder, "errors.csv");
        var importer = new Importer(database.DbFactory, new CommunitySafety.Data.Storage.SqliteImportWriter(database.ConnectionString), TimeProvider.System, maxErrorsKept: 10);

        using var prepared = await importer.PrepareAsync(new ImportRequest([UploadedFile.FromPath(path)], ErrorReportPath: reportPath));

        Assert.False(prepared.IsReady);
        Assert.Equal(ImportOutcome.Refused, prepared.Report.Outcome);
        Assert.Equal(75, prepared.Report.TotalErrors);
        Assert.Equal(10, prepared.Report.Errors.Count);
        var report = File.ReadAllLines(reportPath);
        Assert.Equal(ErrorReportFile.Header, report[0].TrimStart('\uFEFF'));
        Assert.Equal(76, report.Length);
        Assert.Equal("bad.csv,2,Month,2023-13,\"a month such as 2023-04, 2023-04-01, 01/04/2023, 04/2023, Apr 2023 or April 2023\"", report[1]);
        Assert.Empty(Directory.GetFiles(database.Folder, "errors.csv.part*"));
    }

    [Fact]
    public async Task A_windows_1252_file_read_twice_reports_each_error_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = database.WriteFile("excel.csv", TestDatabase.Lines("Month,Beat,Category", "2023-04,Harborough Café,ASB", "2023-04,Harborough North,Nonsense"),
            System.Text.Encoding.Latin1); // é is the same byte in Windows-1252
        var reportPath = Path.Combine(database.Folder, "errors.csv");

        using var prepared = await database.Importer.PrepareAsync(new ImportRequest([UploadedFile.FromPath(path)], ErrorReportPath: reportPath));

        Assert.Equal(1, prepared.Report.TotalErrors);
        Assert.Equal(2, File.ReadAllLines(reportPath).Length);
    }

    [Fact]
    public async Task Police_uk_files_are_kept_by_sha256_for_regrouping_and_an_extract_with_personal_data_is_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        var extract = database.WriteFile("q1.csv", TestDatabase.Lines("Month,Beat,Category,Surname", "2023-04,Harborough North,ASB,Smith"));
        var street = database.WriteFile("2023-05-leicestershire-street.csv", TestDatabase.Lines(
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
            "abc,2023-05,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near High Street,E01025770,Harborough 002A,Burglary,Under investigation,"));

        var extractReport = await database.ImportOkAsync(extract);
        var streetReport = await database.ImportOkAsync(street);

        var uploads = new StoredUploads(StoredUploads.FolderBeside(database.ConnectionString));
        Assert.False(uploads.Has(extractReport.Files[0].Sha256));
        Assert.True(uploads.Has(streetReport.Files[0].Sha256));
        // Only the columns the import reads, compressed.
        Assert.EndsWith(".csv.gz", uploads.PathOf(streetReport.Files[0].Sha256));
        await using (var kept = new System.IO.Compression.GZipStream(File.OpenRead(uploads.PathOf(streetReport.Files[0].Sha256)), System.IO.Compression.CompressionMode.Decompress))
            Assert.Equal("Month,LSOA code,LSOA name,Crime type\n2023-05,E01025770,Harborough 002A,Burglary\n", await new StreamReader(kept).ReadToEndAsync());
        var history = await ImportHistory.ListAsync(database.DbFactory);
        Assert.Contains(history.Single(i => i.Id == extractReport.ImportId).Warnings, w => w.Contains("like personal data"));
    }

    [Fact]
    public async Task A_new_beat_map_regroups_earlier_police_uk_imports_as_new_imports_that_can_be_undone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var street = database.WriteFile("2023-06-leicestershire-street.csv", TestDatabase.Lines(
            PoliceUkHeader,
            "a,2023-06,L,L,-0.9,52.4,On or near X,E01025770,Harborough 002A,Burglary,,",
            "b,2023-06,L,L,-0.9,52.4,On or near X,E01025771,Harborough 002B,Burglary,,",
            "c,2023-06,L,L,-0.9,52.4,On or near X,E01025772,Harborough 003A,Burglary,,"));
        await database.ImportOkAsync(street);
        Assert.Equal(["Harborough 002", "Harborough 003"], (await database.Figures.GetOverviewAsync()).Beats);

        var store = new BeatMapStore(StoredUploads.FolderBeside(database.ConnectionString));
        var mapFile = database.WriteFile("map.csv", TestDatabase.Lines("LSOA code,LSOA name,Beat", "E01025770,Harborough 002A,Harborough Town", "E01025771,Harborough 002B,Harborough Town"));
        var (map, errors) = store.Save(mapFile, "map.csv", "test", DateTimeOffset.UtcNow);
        Assert.Empty(errors);
        Assert.Equal((2, 1), (map!.Lsoas, map.Beats));

        var uploads = new StoredUploads(StoredUploads.FolderBeside(database.ConnectionString));
        var unmapped = await BeatMapCoverage.FindAsync(database.DbFactory, uploads, store.LoadCurrent()!, "Harborough");
        Assert.Equal([new UnmappedLsoa("E01025772", "Harborough 003A", 1)], unmapped);

        var results = await Regrouping.RegroupAsync(database.DbFactory, database.Importer, uploads, store.CurrentPath!, "test");

        var (candidate, report) = Assert.Single(results);
        Assert.Equal(1, candidate.ImportId);
        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Equal(["Harborough Town"], (await database.Figures.GetOverviewAsync()).Beats);
        Assert.Equal(2, (await database.MonthlyAsync("crime"))["2023-06"]);

        await database.Importer.UndoAsync(report.ImportId!.Value);
        Assert.Equal(3, (await database.MonthlyAsync("crime"))["2023-06"]);
    }
}
