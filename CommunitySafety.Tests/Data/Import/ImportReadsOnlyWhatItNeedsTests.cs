using System.Data.Common;
using System.Text;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>
/// An import costs the same however many years are imported before it: what it reads of the database is the months
/// and their totals, the beats and names, never the stored facts themselves.
/// </summary>
public class ImportReadsOnlyWhatItNeedsTests
{
    private const int Beats = 30;
    private const int Types = 10;
    private const int FactsAMonth = Beats * (Types + 1); // ASB and a crime of every type for every beat

    [Fact]
    public async Task With_six_years_imported_an_import_reads_fewer_rows_than_one_quarter_of_facts()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var year = 2016; year < 2022; year++)
            await database.ImportOkAsync(database.WriteFile($"{year}.csv", YearOfExtract(year, 1)));
        await using var db = await database.DbFactory.CreateDbContextAsync();
        Assert.True(await db.Facts.CountAsync() >= 6 * 12 * FactsAMonth);

        var rowsRead = new RowsReadCounter();
        var importer = new Importer(new CountingFactory(database.ConnectionString, rowsRead), new SqliteImportWriter(database.ConnectionString), TimeProvider.System);
        var path = database.WriteFile("2022.csv", YearOfExtract(2022, 2));
        var report = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(path)]));

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        // Months, their totals, the beats with rows in the year before, names: not the 24 quarters of facts.
        Assert.True(rowsRead.Total < 3 * FactsAMonth, $"The import read {rowsRead.Total:N0} rows; one quarter has {3 * FactsAMonth:N0} facts.");
    }

    [Fact]
    public async Task The_checks_still_see_the_history_they_need_from_the_totals()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var year = 2016; year < 2022; year++)
            await database.ImportOkAsync(database.WriteFile($"{year}.csv", YearOfExtract(year, 1)));

        // Every count tripled, and one beat left out: the totals and the year before still show both.
        var path = database.WriteFile("2022.csv", YearOfExtract(2022, 3, leaveOut: "Beat 07"));
        using var prepared = await database.Importer.PrepareAsync(new ImportRequest([UploadedFile.FromPath(path)]));

        Assert.Contains(prepared.Preview.QualityWarnings, w => w.Kind == DataQualityKind.UnusualCount && w.Text.StartsWith("ASB in Apr 2022 is "));
        Assert.Contains(prepared.Preview.QualityWarnings, w => w.Kind == DataQualityKind.BeatWithoutRows && w.Text.StartsWith("Beat 07 has no rows for Jan 2022 to Dec 2022"));
        // Q3 2022-23: April to December of 2022 against the same months of 2021.
        var asb = prepared.Preview.Figures.Single(f => f.Name == "ASB");
        Assert.Equal((9 * Beats * 3 - 9 * 3, 9 * Beats), (asb.After!.Current, asb.After.Previous));
    }

    /// <summary>A year of a beat extract: every beat has <paramref name="count"/> ASB and <paramref name="count"/> crimes of every type each month.</summary>
    private static string YearOfExtract(int year, int count, string? leaveOut = null)
    {
        var text = new StringBuilder("Month,Beat,Category,Type,Domestic,Count\n");
        for (var month = 1; month <= 12; month++)
        for (var beat = 1; beat <= Beats; beat++)
        {
            if ($"Beat {beat:D2}" == leaveOut) continue;
            text.Append($"{year}-{month:D2},Beat {beat:D2},ASB,Nuisance,N,{count}\n");
            for (var type = 1; type <= Types; type++)
                text.Append($"{year}-{month:D2},Beat {beat:D2},Crime,Type {type},{(type == 1 ? "Y" : "N")},{count}\n");
        }
        return text.ToString();
    }

    private sealed class RowsReadCounter : DbCommandInterceptor
    {
        private int _total;

        public int Total => _total;

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Interlocked.Add(ref _total, eventData.ReadCount);
            return result;
        }
    }

    private sealed class CountingFactory(string connectionString, RowsReadCounter counter) : IDbContextFactory<CommunitySafetyDb>
    {
        public CommunitySafetyDb CreateDbContext() => new(new DbContextOptionsBuilder<CommunitySafetyDb>()
            .UseSqlite(Database.NormalizeConnectionString(connectionString)).AddInterceptors(counter).Options);
    }
}
