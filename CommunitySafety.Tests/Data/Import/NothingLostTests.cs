using static CommunitySafety.Tests.TestMonths;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>An import that fails part-way leaves the database exactly as it was; imports at once take turns.</summary>
public class NothingLostTests
{
    /// <summary>SQLite here; <see cref="NothingLostOnPostgreSqlTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private Task<TestDatabase> CreateAsync() => TestDatabase.CreateAsync(provider: Provider);

    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    private static string FirstQ1 => Lines(Header,
        "2023-04,Harborough North,ASB,Nuisance,Street,N,10",
        "2023-05,Harborough North,ASB,Nuisance,Street,N,20",
        "2023-06,Harborough North,Crime,Burglary,Dwelling,Y,3");

    /// <summary>Replaces May and June, adds July, a new beat and new crime types: 12 facts to write.</summary>
    private static string Replacement => Lines(Header,
        "2023-05,Harborough North,ASB,Nuisance,Street,N,21",
        "2023-05,Lutterworth,ASB,Personal,Residential,N,2",
        "2023-05,Lutterworth,Crime,Shoplifting,Shop,N,3",
        "2023-05,Broughton Astley,Crime,Drugs,Street,N,1",
        "2023-06,Harborough North,Crime,Burglary,Dwelling,Y,4",
        "2023-06,Lutterworth,Crime,Criminal Damage,Street,N,5",
        "2023-06,Broughton Astley,ASB,Nuisance,Street,N,6",
        "2023-06,Harborough Town,Incident,,Dwelling,Y,2",
        "2023-07,Harborough North,ASB,Nuisance,Street,N,7",
        "2023-07,Lutterworth,ASB,Nuisance,Street,N,8",
        "2023-07,Broughton Astley,Crime,Burglary,Dwelling,N,9",
        "2023-07,Harborough Town,Crime,Robbery,Street,N,1");

    private sealed class InjectedFault(string message) : IOException(message);

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(12)] // after the last fact, before the commit
    public async Task A_fault_part_way_leaves_the_database_exactly_as_it_was(int failAfterFacts)
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("q1.csv", FirstQ1));
        var before = await db.DumpAsync();
        var figuresBefore = SummaryJson.Serialize(await db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 2)));
        var written = 0;
        var faulty = db.NewWriter(n =>
        {
            written = n;
            if (n == failAfterFacts) throw new InjectedFault($"disk full after {n} facts (injected)");
        });

        await Assert.ThrowsAsync<InjectedFault>(() =>
            db.ImporterWith(faulty).ImportAsync(new ImportRequest([UploadedFile.FromPath(db.WriteFile("replacement.csv", Replacement))])));

        Assert.Equal(failAfterFacts, written); // the fault really came part-way through writing
        Assert.Equal(before, await db.DumpAsync());
        Assert.Equal(figuresBefore, SummaryJson.Serialize(await db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 2))));

        // The failed import left nothing behind that stops the same file being imported normally.
        var report = await db.ImportOkAsync(Path.Combine(db.Folder, "replacement.csv"));
        Assert.Equal(2, report.ImportId); // the failed import's id was never committed
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 10, ["2023-05"] = 23, ["2023-06"] = 6, ["2023-07"] = 15 }, await db.MonthlyAsync("asb"));
        Assert.Equal(["Broughton Astley", "Harborough North", "Harborough Town", "Lutterworth"],
            (await db.Figures.GetOverviewAsync()).Beats);
    }

    [Fact]
    public async Task A_fault_in_the_first_import_of_an_empty_database_leaves_it_empty()
    {
        await using var db = await CreateAsync();
        var before = await db.DumpAsync();
        var faulty = db.NewWriter(n => throw new InjectedFault("killed (injected)"));

        await Assert.ThrowsAsync<InjectedFault>(() =>
            db.ImporterWith(faulty).ImportAsync(new ImportRequest([UploadedFile.FromPath(db.WriteFile("q1.csv", FirstQ1))])));

        Assert.Equal(before, await db.DumpAsync());
        Assert.Equal((0, 0, 0), await db.CountRowsAsync());
        Assert.Empty(await ImportHistory.ListAsync(db.DbFactory));
        await db.ImportOkAsync(Path.Combine(db.Folder, "q1.csv"));
        Assert.Equal((1, 3, 3), await db.CountRowsAsync());
    }

    [Fact]
    public async Task Two_imports_started_at_once_both_complete_and_the_later_wins_shared_months()
    {
        await using var db = await CreateAsync();
        // Both hold May and June; only A holds April and only B holds July.
        var a = db.WriteFile("a.csv", Lines(Header,
            "2023-04,Harborough North,ASB,,,,1", "2023-05,Harborough North,ASB,,,,100", "2023-06,Harborough North,ASB,,,,100"));
        var b = db.WriteFile("b.csv", Lines(Header,
            "2023-05,Harborough North,ASB,,,,200", "2023-06,Harborough North,ASB,,,,200", "2023-07,Harborough North,ASB,,,,2"));
        // Two importers, as two requests (or a page and the command line) would have.
        var importerB = db.ImporterWith(db.NewWriter());

        var start = new TaskCompletionSource();
        var taskA = Task.Run(async () => { await start.Task; return await db.Importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(a)])); });
        var taskB = Task.Run(async () => { await start.Task; return await importerB.ImportAsync(new ImportRequest([UploadedFile.FromPath(b)])); });
        start.SetResult();
        var reports = await Task.WhenAll(taskA, taskB);

        Assert.All(reports, r => Assert.Equal(ImportOutcome.Imported, r.Outcome));
        var (reportA, reportB) = (reports[0], reports[1]);
        Assert.NotEqual(reportA.ImportId, reportB.ImportId);
        var later = reportA.ImportId > reportB.ImportId ? 100 : 200;
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 1, ["2023-05"] = later, ["2023-06"] = later, ["2023-07"] = 2 }, await db.MonthlyAsync("asb"));
        // The later one names the earlier as the import whose May and June it replaced.
        var (first, second) = reportA.ImportId < reportB.ImportId ? (reportA, reportB) : (reportB, reportA);
        Assert.All(second.Months.Where(m => m.Month == M("2023-05") || m.Month == M("2023-06")), m => Assert.Equal(first.ImportId, m.ReplacedImportId));
        Assert.All(first.Months, m => Assert.Null(m.ReplacedImportId));
    }
}

public sealed class NothingLostOnPostgreSqlTests : NothingLostTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    [Fact]
    public async Task An_import_waits_for_one_being_written_by_another_instance_and_says_so()
    {
        await using var db = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        // Another instance, part-way through writing an import: it holds the import lock in its open transaction.
        await using var other = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await other.OpenAsync();
        var otherImport = await other.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgreSqlImportWriter.ImportLockKey})", other, otherImport))
            await take.ExecuteNonQueryAsync();

        var said = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var toldTheImport = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new PostgreSqlImportWriter(db.ConnectionString) { Waiting = sentence => said.TrySetResult(sentence) };
        var import = db.ImporterWith(writer).ImportAsync(new ImportRequest([UploadedFile.FromPath(
            db.WriteFile("q1.csv", TestDatabase.Lines("Month,Beat,Category,Count", "2023-04,Town,ASB,3")))],
            Waiting: sentence => toldTheImport.TrySetResult(sentence)));

        Assert.Equal(PostgreSqlImportWriter.WaitingSentence, await said.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(PostgreSqlImportWriter.WaitingSentence, await toldTheImport.Task.WaitAsync(TimeSpan.FromSeconds(60))); // what the Imports page shows
        Assert.False(import.IsCompleted);
        Assert.Equal((0, 0, 0), await db.CountRowsAsync()); // nothing of it is visible while it waits
        await otherImport.CommitAsync(); // the other instance's import ends

        Assert.Equal(ImportOutcome.Imported, (await import.WaitAsync(TimeSpan.FromSeconds(60))).Outcome);
        Assert.Equal((1, 1, 1), await db.CountRowsAsync());
    }
}
