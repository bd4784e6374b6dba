using static CommunitySafety.Tests.TestMonths;
using System.Security.Cryptography;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>The rules for every import: latest wins per month, identical files change nothing, undo, history.</summary>
public class ImportRulesTests
{
    /// <summary>SQLite here; <see cref="ImportRulesOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<TestDatabase> CreateAsync() => TestDatabase.CreateAsync(provider: Provider);

    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    /// <summary>Q1 2023-24 as first sent: ASB 10/20/30, one crime a month.</summary>
    private static string FirstQ1 => Lines(Header,
        "2023-04,Harborough North,ASB,Nuisance,Street,N,10",
        "2023-05,Harborough North,ASB,Nuisance,Street,N,20",
        "2023-06,Harborough North,ASB,Nuisance,Street,N,30",
        "2023-04,Harborough Town,Crime,Burglary,Dwelling,N,1",
        "2023-05,Harborough Town,Crime,Burglary,Dwelling,N,1",
        "2023-06,Harborough Town,Crime,Burglary,Dwelling,N,1");

    /// <summary>A corrected May alone, with a beat and a crime type May did not have before.</summary>
    private static string CorrectedMay => Lines(Header,
        "2023-05,Harborough North,ASB,Nuisance,Street,N,25",
        "2023-05,Lutterworth,Crime,Shoplifting,Shop,N,4");

    [Fact]
    public async Task Latest_wins_per_month_and_months_not_in_the_file_are_untouched()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        Assert.All(first.Months, m => Assert.Null(m.ReplacedImportId));

        var second = await db.ImportOkAsync(db.WriteFile("may-corrected.csv", CorrectedMay));

        var may = Assert.Single(second.Months);
        Assert.Equal(M("2023-05"), may.Month);
        Assert.Equal(first.ImportId, may.ReplacedImportId); // the report names the import the month came from
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 10, ["2023-05"] = 25, ["2023-06"] = 30 }, await db.MonthlyAsync("asb"));
        // May's crime is wholly the new file's: the old Burglary is gone from May, not added to.
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 1, ["2023-05"] = 4, ["2023-06"] = 1 }, await db.MonthlyAsync("crime"));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 1, ["2023-05"] = 0, ["2023-06"] = 1 }, await db.MonthlyAsync("Burglary"));

        var history = await ImportHistory.ListAsync(db.DbFactory);
        Assert.Equal([M("2023-04"), M("2023-06")], history.Single(h => h.Id == first.ImportId).LiveMonths);
        Assert.Equal([M("2023-05")], history.Single(h => h.Id == second.ImportId).LiveMonths);
    }

    [Fact]
    public async Task Resending_a_whole_quarter_replaces_each_of_its_months()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var resent = await db.ImportOkAsync(db.WriteFile("q1-v2.csv", FirstQ1.Replace(",10\n", ",11\n")));

        Assert.Equal(3, resent.Months.Count);
        Assert.All(resent.Months, m => Assert.Equal(first.ImportId, m.ReplacedImportId));
        Assert.Equal(61, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Current);
    }

    [Fact]
    public async Task An_identical_file_changes_nothing_and_says_so()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var before = await db.DumpAsync();

        // The same bytes under another name are still the same file.
        var again = await db.ImportAsync(db.WriteFile("q1 (copy).csv", FirstQ1));

        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        Assert.Null(again.ImportId);
        Assert.Contains("Nothing changed", again.Message);
        Assert.Contains(again.Warnings, w => w.Contains("q1 (copy).csv") && w.Contains($"import {first.ImportId}"));
        Assert.Equal(before, await db.DumpAsync());
    }

    [Fact]
    public async Task An_identical_file_beside_a_new_one_is_left_out_and_the_new_one_imported()
    {
        await using var db = await CreateAsync();
        var q1 = db.WriteFile("q1.csv", FirstQ1);
        await db.ImportOkAsync(q1);

        var report = await db.ImportOkAsync(q1, db.WriteFile("july.csv", Lines(Header, "2023-07,Harborough North,ASB,,,,5")));

        Assert.Equal(["july.csv"], report.Files.Select(f => f.FileName));
        Assert.Equal([M("2023-07")], report.Months.Select(m => m.Month));
        Assert.Contains(report.Warnings, w => w.Contains("q1.csv") && w.Contains("identical"));
    }

    [Fact]
    public async Task Undo_returns_the_months_to_the_import_they_came_from_before()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var figuresBefore = SummaryJson.Serialize(await db.Figures.GetSummaryAsync(Q1));
        var second = await db.ImportOkAsync(db.WriteFile("may-corrected.csv", CorrectedMay));
        Assert.NotEqual(figuresBefore, SummaryJson.Serialize(await db.Figures.GetSummaryAsync(Q1)));

        var undo = await db.Importer.UndoAsync(second.ImportId!.Value);

        Assert.True(undo.Done, undo.Message);
        Assert.Equal([new MonthReplacement(M("2023-05"), first.ImportId)], undo.MonthsRestored);
        Assert.Equal(figuresBefore, SummaryJson.Serialize(await db.Figures.GetSummaryAsync(Q1)));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 10, ["2023-05"] = 20, ["2023-06"] = 30 }, await db.MonthlyAsync("asb"));
        var history = await ImportHistory.ListAsync(db.DbFactory);
        Assert.Equal(ImportStatus.Undone, history.Single(h => h.Id == second.ImportId).Status);
        Assert.Equal([M("2023-04"), M("2023-05"), M("2023-06")], history.Single(h => h.Id == first.ImportId).LiveMonths);
    }

    [Fact]
    public async Task Undo_of_the_only_import_leaves_its_months_with_no_data()
    {
        await using var db = await CreateAsync();
        var only = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        Assert.Equal(60, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Current);

        var undo = await db.Importer.UndoAsync(only.ImportId!.Value);

        Assert.True(undo.Done, undo.Message);
        Assert.All(undo.MonthsRestored, m => Assert.Null(m.ReplacedImportId));
        Assert.Contains("no data", undo.Message);
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Null(summary.Asb);
        Assert.Null(summary.Crime);
        Assert.False(summary.DataComplete);
        Assert.Contains(M("2023-05"), summary.MissingMonths);
        Assert.Empty(await db.MonthlyAsync("asb"));
    }

    [Fact]
    public async Task Undo_twice_is_refused_and_changes_nothing()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var second = await db.ImportOkAsync(db.WriteFile("may-corrected.csv", CorrectedMay));
        Assert.True((await db.Importer.UndoAsync(second.ImportId!.Value)).Done);
        var before = await db.DumpAsync();

        var again = await db.Importer.UndoAsync(second.ImportId.Value);

        Assert.False(again.Done);
        Assert.Contains("already undone", again.Message);
        Assert.Equal(before, await db.DumpAsync());
        Assert.Equal(20, (await db.MonthlyAsync("asb"))["2023-05"]);
        Assert.NotNull(first.ImportId);
    }

    [Fact]
    public async Task Undo_of_an_import_that_does_not_exist_is_refused()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));

        var undo = await db.Importer.UndoAsync(99);

        Assert.False(undo.Done);
        Assert.Contains("99", undo.Message);
    }

    [Fact]
    public async Task Undo_of_an_older_import_leaves_months_a_later_import_replaced()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        await db.ImportOkAsync(db.WriteFile("may-corrected.csv", CorrectedMay));

        var undo = await db.Importer.UndoAsync(first.ImportId!.Value);

        Assert.True(undo.Done);
        Assert.Equal([M("2023-04"), M("2023-06")], undo.MonthsRestored.Select(m => m.Month));
        Assert.Equal(new Dictionary<string, int?> { ["2023-05"] = 25 }, await db.MonthlyAsync("asb"));
    }

    [Fact]
    public async Task A_file_whose_import_was_undone_can_be_imported_again()
    {
        await using var db = await CreateAsync();
        var q1 = db.WriteFile("q1.csv", FirstQ1);
        var first = await db.ImportOkAsync(q1);
        await db.Importer.UndoAsync(first.ImportId!.Value);

        var again = await db.ImportAsync(q1);

        Assert.Equal(ImportOutcome.Imported, again.Outcome);
        Assert.Equal(60, (await db.Figures.GetSummaryAsync(Q1)).Asb!.Current);
    }

    [Fact]
    public async Task Every_import_is_recorded_with_files_hashes_rows_skip_reasons_warnings_and_who()
    {
        await using var db = await CreateAsync();
        // A Notes column, empty on every row (each row has its field, as a spreadsheet writes it).
        var extract = db.WriteFile("q1.csv", Lines([.. FirstQ1.TrimEnd('\n').Split('\n').Select((l, i) => i == 0 ? l + ",Notes" : l + ",")]));
        var street = db.WriteFile("2023-07-leicestershire-street.csv", Lines(
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
            ",2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025770,Harborough 002A,Anti-social behaviour,,",
            "a1,2023-07,Leicestershire Police,Leicestershire Police,-1.1,52.6,On or near Mill Lane,E01025600,Blaby 001A,Burglary,Under investigation,",
            "a2,2023-07,Leicestershire Police,Leicestershire Police,,,No Location,,,Burglary,Under investigation,"));
        var started = DateTimeOffset.UtcNow;

        var report = await db.ImportAsync([extract, street], by: "analyst.jane");

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        var entry = Assert.Single(await ImportHistory.ListAsync(db.DbFactory));
        Assert.Equal(report.ImportId, entry.Id);
        Assert.Equal("analyst.jane", entry.ImportedBy);
        Assert.Equal(ImportStatus.Committed, entry.Status);
        Assert.InRange(entry.ImportedAt, started.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(["q1.csv", "2023-07-leicestershire-street.csv"], entry.Files.Select(f => f.FileName));
        Assert.Equal(Sha256Of(extract), entry.Files[0].Sha256);
        Assert.Equal(Sha256Of(street), entry.Files[1].Sha256);
        Assert.Equal([ImportFormat.BeatExtract, ImportFormat.PoliceUk], entry.Files.Select(f => f.Format));
        Assert.Equal((6, 6, 0), (entry.Files[0].RowsRead, entry.Files[0].RowsKept, entry.Files[0].RowsSkipped));
        Assert.Equal((3, 1, 2), (entry.Files[1].RowsRead, entry.Files[1].RowsKept, entry.Files[1].RowsSkipped));
        Assert.Equal((9, 7, 2), (entry.RowsRead, entry.RowsKept, entry.RowsSkipped));
        Assert.Equal([M("2023-04"), M("2023-05"), M("2023-06"), M("2023-07")], entry.Months.Select(m => m.Month));
        Assert.Equal(1, Assert.Single(entry.SkipReasons, r => r.Reason.Contains("outside Harborough")).Count);
        Assert.Equal(1, Assert.Single(entry.SkipReasons, r => r.Reason.Contains("no LSOA")).Count);
        Assert.Contains(entry.Warnings, w => w.Contains("q1.csv") && w.Contains("Notes"));
    }

    [Fact]
    public async Task History_lists_the_newest_import_first()
    {
        await using var db = await CreateAsync();
        var first = await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var second = await db.ImportOkAsync(db.WriteFile("may.csv", CorrectedMay));

        var history = await ImportHistory.ListAsync(db.DbFactory);

        Assert.Equal([second.ImportId!.Value, first.ImportId!.Value], history.Select(h => h.Id));
        Assert.Equal(first.ImportId, Assert.Single(history[0].Months).ReplacedImportId);
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

public sealed class ImportRulesOnPostgreSqlTests : ImportRulesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
