using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark-growth --rows N --years Y --beats B [--provider PostgreSQL --connection "Host=..."] [--json]`: imports Y
/// successive N-row police.uk years of a district of B beats into one database, then the last year's file again into an
/// empty database, and prints each import's time and peak working set beside the first, with the database's and the
/// kept files' sizes. Then it times the summary of the grown database (the latest full financial year's fourth quarter)
/// as /api/summary answers it. Each import and the summary run in a process of their own (as the command line's import
/// does), so each peak is that step's alone. On PostgreSQL both databases are made on the server named (it needs the
/// right to create databases) and dropped after.
/// </summary>
internal static class BenchmarkGrowthCommand
{
    private const int FirstYear = 2014;
    private const int WarmAnswers = 200;
    private const int ConcurrentCallers = 20;
    private const int AnswersPerCaller = 10;
    private const int Reloads = 3;

    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--rows", "--years", "--beats", "--folder", "--json", "--provider", "--connection",
            "--import-one", "--summary-of", "--db", "--kept-files");
        var provider = ProviderOf(arguments);
        if (arguments.Value("--import-one") is { } oneFile) return await ImportOneAsync(oneFile, GrowthDatabase.Of(arguments, provider));
        if (arguments.Value("--summary-of") is { } year) return await MeasureSummaryAsync(year, GrowthDatabase.Of(arguments, provider));

        var server = provider == DatabaseProvider.PostgreSql
            ? arguments.Value("--connection") ?? throw new UsageException("benchmark-growth --provider PostgreSQL needs --connection \"Host=...;Username=...\".")
            : null;
        var rows = WholeNumber(arguments, "--rows", "1000000");
        var years = WholeNumber(arguments, "--years", "10");
        var beats = WholeNumber(arguments, "--beats", "300");
        var json = arguments.Has("--json");
        // --folder keeps the SQLite databases and kept files there afterwards, for a closer look.
        var keep = arguments.Value("--folder");
        var folder = keep is null ? Directory.CreateTempSubdirectory("community-safety-growth-benchmark-") : Directory.CreateDirectory(keep);
        var scratch = $"communitysafety_growth_{Environment.ProcessId}";
        try
        {
            var grown = server is null
                ? GrowthDatabase.Sqlite(Path.Combine(folder.FullName, "growth.db"))
                : new GrowthDatabase(DatabaseProvider.PostgreSql, await PostgreSqlScratch.CreateDatabaseAsync(server, scratch), Path.Combine(folder.FullName, "files"));
            var empty = server is null
                ? GrowthDatabase.Sqlite(Path.Combine(folder.FullName, "empty.db"))
                : new GrowthDatabase(DatabaseProvider.PostgreSql, await PostgreSqlScratch.CreateDatabaseAsync(server, scratch + "_empty"), Path.Combine(folder.FullName, "files-empty"));
            if (!json) Console.WriteLine($"benchmark-growth on {ProviderName(provider)}: {years} years of {rows:N0} police.uk rows over {beats} beats");

            var results = new List<GrowthStep>();
            string? lastFile = null;
            for (var i = 0; i < years; i++)
            {
                if (lastFile is not null) File.Delete(lastFile);
                lastFile = Path.Combine(folder.FullName, $"{FirstYear + i}-leicestershire-street.csv");
                WriteDistrictFile(lastFile, rows, FirstYear + i, beats);
                var step = await ImportInChildAsync(lastFile, grown, $"{FirstYear + i}");
                results.Add(step);
                if (!json) Console.WriteLine(Describe(step, results[0]));
            }
            // Straight after the tenth year, under the same conditions: timed after the summary's long process instead, it
            // ran at 0.74x to 0.81x the first year's time and CPU in three runs of three, which is the machine, not the data.
            var emptyStep = await ImportInChildAsync(lastFile!, empty, $"{FirstYear + years - 1} into an empty database");
            // The latest financial year wholly inside the years imported (April to March), in full: its fourth quarter.
            var summary = await MeasureSummaryInChildAsync(grown, new FinancialQuarter(FirstYear + years - 2, 4).FinancialYear);
            var result = new GrowthResult(rows, beats, results, emptyStep,
                Math.Round(results[^1].Seconds / emptyStep.Seconds, 2), Math.Round(results[^1].CpuSeconds / emptyStep.CpuSeconds, 2),
                ProviderName(provider), summary);
            Console.WriteLine(json
                ? SummaryJson.Serialize(result)
                : $"""
                  {Describe(emptyStep, results[0])}
                  The last year took {result.LastToEmptyRatio:N2}x the time ({result.LastToEmptyCpuRatio:N2}x the CPU) of the same import into an empty database.
                  {Describe(summary)}
                  """);
            return CommandLine.Done;
        }
        finally
        {
            if (server is not null)
            {
                await PostgreSqlScratch.DropDatabaseAsync(server, scratch);
                await PostgreSqlScratch.DropDatabaseAsync(server, scratch + "_empty");
            }
            if (keep is null) folder.Delete(recursive: true);
        }
    }

    private static DatabaseProvider ProviderOf(Arguments arguments)
    {
        try
        {
            return DatabaseProviders.Parse(arguments.Value("--provider"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string ProviderName(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";

    private static int WholeNumber(Arguments arguments, string option, string fallback)
    {
        var text = arguments.Value(option) ?? fallback;
        if (!int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new UsageException($"{option} must be a whole number of 1 or more, not '{text}'.");
        return value;
    }

    /// <summary>
    /// A database of the benchmark: a SQLite file (<paramref name="Database"/> is its path), or a database on a PostgreSQL
    /// server (its connection string), with the folder its imports keep their files in.
    /// </summary>
    private sealed record GrowthDatabase(DatabaseProvider Provider, string Database, string KeptFiles)
    {
        public static GrowthDatabase Sqlite(string path) => new(DatabaseProvider.Sqlite, path, StoredUploads.FolderBeside($"Data Source={path}"));

        /// <summary>The database a child process is told of: --db PATH, or --connection and --kept-files.</summary>
        public static GrowthDatabase Of(Arguments arguments, DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql
            ? new(provider, arguments.Value("--connection") ?? throw new UsageException("The child's part needs --connection."),
                arguments.Value("--kept-files") ?? throw new UsageException("The child's part needs --kept-files."))
            : Sqlite(arguments.Value("--db") ?? throw new UsageException("The child's part needs --db."));

        public DataSettings Settings => Provider == DatabaseProvider.PostgreSql
            ? new DataSettings(Database, FilesFolder: KeptFiles, Provider: Provider)
            : new DataSettings($"Data Source={Database}");

        public IEnumerable<string> Arguments => Provider == DatabaseProvider.PostgreSql
            ? ["--provider", "PostgreSQL", "--connection", Database, "--kept-files", KeptFiles]
            : ["--db", Database];

        public async Task<double> SizeMbAsync() => Megabytes(Provider == DatabaseProvider.PostgreSql
            ? await PostgreSqlScratch.DatabaseSizeAsync(Database)
            : new FileInfo(Database).Length);

        public double KeptFilesMb
        {
            get
            {
                var folder = new DirectoryInfo(KeptFiles);
                return Megabytes(folder.Exists ? folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0);
            }
        }
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    internal sealed record GrowthStep(string Year, double Seconds, double CpuSeconds, double PeakWorkingSetMb, double DatabaseMb, double KeptFilesMb);

    private sealed record GrowthResult(
        int Rows, int Beats, IReadOnlyList<GrowthStep> Years, GrowthStep EmptyDatabase, double LastToEmptyRatio, double LastToEmptyCpuRatio,
        string Provider, SummaryTiming Summary);

    /// <summary>
    /// The summary of the grown database, as the web app's /api/summary answers it: the first answer in a fresh process,
    /// then answers one after another and from callers at once (the figures worked out once per version of the data and
    /// kept), the first answer reading every live fact again (as an instance starting), and the first answer after a
    /// one-month import (only the month it replaced read again), with the time of a full read alone. The live heap is measured after a full collection, before the answers after a change.
    /// </summary>
    internal sealed record SummaryTiming(
        string FinancialYear, int Quarter, long StoredIncidents, int StoredFacts, int YearToDateIncidents,
        double FirstAnswerMs, int WarmAnswers, double WarmP50Ms, double WarmP95Ms, double WarmMaxMs,
        int ConcurrentCallers, int AnswersPerCaller, double ConcurrentP95Ms, double ConcurrentMaxMs,
        IReadOnlyList<double> AfterFullReadMs, IReadOnlyList<double> AfterMonthImportMs, double ReadLiveFactsMs, double PeakWorkingSetMb, double LiveHeapMb, double PeakWorkingSetWithReloadsMb);

    private static string Describe(GrowthStep step, GrowthStep first) =>
        $"  {step.Year,-30} {step.Seconds,6:N2} s ({step.Seconds / first.Seconds,4:N2}x)   CPU {step.CpuSeconds,6:N2} s ({step.CpuSeconds / first.CpuSeconds,4:N2}x)   peak {step.PeakWorkingSetMb,6:N0} MB" +
        $"   database {step.DatabaseMb,7:N1} MB   kept files {step.KeptFilesMb,7:N1} MB";

    private static string Describe(SummaryTiming s) => $"""
        Summary of the grown database ({s.StoredIncidents:N0} incidents in {s.StoredFacts:N0} stored facts), Q{s.Quarter} {s.FinancialYear} year to date ({s.YearToDateIncidents:N0} incidents), as /api/summary answers it:
          first answer in a fresh process:         {s.FirstAnswerMs:N1} ms
          {s.WarmAnswers} answers, one after another:       p50 {s.WarmP50Ms:N4} ms   p95 {s.WarmP95Ms:N4} ms   max {s.WarmMaxMs:N4} ms
          {s.ConcurrentCallers} callers at once, {s.AnswersPerCaller} answers each:     p95 {s.ConcurrentP95Ms:N4} ms   max {s.ConcurrentMaxMs:N4} ms
          first answer reading everything again ({s.AfterFullReadMs.Count} times, as an instance starting):   {string.Join(" / ", s.AfterFullReadMs.Select(ms => ms.ToString("N1", CultureInfo.CurrentCulture)))} ms
          first answer after a one-month import ({s.AfterMonthImportMs.Count} times):   {string.Join(" / ", s.AfterMonthImportMs.Select(ms => ms.ToString("N1", CultureInfo.CurrentCulture)))} ms
            of which reading the live facts:       {s.ReadLiveFactsMs:N1} ms (once more, alone)
          peak working set:                        {s.PeakWorkingSetMb:N0} MB ({s.PeakWorkingSetWithReloadsMb:N0} MB with the answers after a change)
          live heap, the live data held once:      {s.LiveHeapMb:N0} MB
        """;

    /// <summary>This program again, with <paramref name="words"/>; gives back what it printed.</summary>
    private static async Task<string> RunChildAsync(IEnumerable<string> words, string failure)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // Under `dotnet CommunitySafety.Dashboard.dll` the process is dotnet itself, which needs the program's path first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var word in words) start.ArgumentList.Add(word);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{failure}: {output}");
        return output.Trim();
    }

    /// <summary>Runs this program again as `benchmark-growth --import-one FILE --db PATH` (or on PostgreSQL) and reads the line it prints.</summary>
    private static async Task<GrowthStep> ImportInChildAsync(string file, GrowthDatabase database, string label)
    {
        var output = await RunChildAsync(["benchmark-growth", "--import-one", file, .. database.Arguments], $"The import of {Path.GetFileName(file)} failed");
        var measured = JsonSerializer.Deserialize<double[]>(output)!;
        return new GrowthStep(label, Math.Round(measured[0], 3), Math.Round(measured[2], 3), Math.Round(measured[1], 1),
            Math.Round(await database.SizeMbAsync(), 1), Math.Round(database.KeptFilesMb, 1));
    }

    /// <summary>The child's part: a small warm-up import elsewhere (so the runtime's compiling is not timed), then the import, timed.</summary>
    private static async Task<int> ImportOneAsync(string file, GrowthDatabase database)
    {
        var warmUpFolder = Directory.CreateTempSubdirectory("community-safety-growth-warm-up-");
        var warmUpName = $"communitysafety_growth_warm_up_{Environment.ProcessId}";
        try
        {
            var warmUp = Path.Combine(warmUpFolder.FullName, "2000-warm-up-leicestershire-street.csv");
            WriteDistrictFile(warmUp, 1000, 2000, 10);
            await ImportAsync(warmUp, database.Provider == DatabaseProvider.PostgreSql
                ? new GrowthDatabase(database.Provider, await PostgreSqlScratch.CreateDatabaseAsync(database.Database, warmUpName), Path.Combine(warmUpFolder.FullName, "files"))
                : GrowthDatabase.Sqlite(Path.Combine(warmUpFolder.FullName, "warm-up.db")));
        }
        finally
        {
            if (database.Provider == DatabaseProvider.PostgreSql) await PostgreSqlScratch.DropDatabaseAsync(database.Database, warmUpName);
            warmUpFolder.Delete(recursive: true);
        }
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = await ImportAsync(file, database);
        using var process = Process.GetCurrentProcess();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new[] { seconds, Megabytes(process.PeakWorkingSet64), cpuSeconds }));
        return CommandLine.Done;
    }

    private static async Task<SummaryTiming> MeasureSummaryInChildAsync(GrowthDatabase database, string financialYear)
    {
        var output = await RunChildAsync(["benchmark-growth", "--summary-of", financialYear, .. database.Arguments], "The summary's timing failed");
        return JsonSerializer.Deserialize<SummaryTiming>(output, SummaryJson.Options)!;
    }

    /// <summary>
    /// The child's part: the summary of the fourth quarter of <paramref name="financialYear"/> through the figures service
    /// the web app's /api/summary calls, timed. Nothing runs before the first answer but what the web app does as it
    /// starts (the database prepared, and its change watcher telling the figures the latest change).
    /// </summary>
    private static async Task<int> MeasureSummaryAsync(string financialYear, GrowthDatabase database)
    {
        if (!FinancialQuarter.TryCreate(financialYear, 4, out var period))
            throw new UsageException($"--summary-of must be a financial year like 2022-23, not '{financialYear}'.");
        var services = new ServiceCollection().AddCommunitySafetyData(database.Settings).BuildServiceProvider();
        await using (services)
        {
            var dbFactory = services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();
            await Database.PrepareAsync(dbFactory);
            // As the web app's DataChangeWatcher does as it starts: from then on an answer asks the database nothing
            // unless a change is heard of.
            var version = services.GetRequiredService<DataVersion>();
            version.Seen(await DataChangeFeed.LatestIdAsync(dbFactory));
            var figures = services.GetRequiredService<IFiguresService>();

            var watch = Stopwatch.StartNew();
            var summary = await figures.GetSummaryAsync(period.Value);
            var first = watch.Elapsed.TotalMilliseconds;
            var warm = new List<double>();
            for (var i = 0; i < WarmAnswers; i++) warm.Add(await TimeAsync(() => figures.GetSummaryAsync(period.Value)));
            var callers = await Task.WhenAll(Enumerable.Range(0, ConcurrentCallers).Select(_ => Task.Run(async () =>
            {
                var times = new List<double>();
                for (var i = 0; i < AnswersPerCaller; i++) times.Add(await TimeAsync(() => figures.GetSummaryAsync(period.Value)));
                return times;
            })));
            using var process = Process.GetCurrentProcess();
            var peak = Megabytes(process.PeakWorkingSet64);
            // What stays: the live data of every month held once, with the services and their caches.
            var liveHeap = Megabytes(GC.GetTotalMemory(forceFullCollection: true));

            // What an instance does as it starts, or with nothing kept: every live fact read, the summary worked out.
            // A new figures service has nothing kept; the version is known, as the watcher has told it.
            var afterFullRead = new List<double>();
            for (var i = 0; i < Reloads; i++)
            {
                var fresh = ActivatorUtilities.CreateInstance<FiguresService>(services);
                afterFullRead.Add(Math.Round(await TimeAsync(() => fresh.GetSummaryAsync(period.Value)), 1));
            }

            // What the grown database holds, before the changes below add theirs.
            long incidents;
            int facts;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                incidents = await db.Facts.SumAsync(f => (long)f.Count);
                facts = await db.Facts.CountAsync();
            }

            // What every instance does when an import lands: the months it replaced read again, the summary worked out
            // again. Each change is a one-month beat extract for a month of the year shown, imported here.
            var afterMonthImport = new List<double>();
            var importer = services.GetRequiredService<Importer>();
            for (var i = 0; i < Reloads; i++)
            {
                var month = period.Value.FirstMonthOfYear.AddMonths(i);
                var change = Path.Combine(Path.GetTempPath(), $"growth-change-{Environment.ProcessId}-{i}.csv");
                await File.WriteAllTextAsync(change, $"Month,Beat,Category,Type,LocationType,Domestic,Count\n{month},Benchmark beat,ASB,Nuisance,Street,N,{i + 1}\n");
                try
                {
                    var report = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(change)]));
                    if (report.Outcome != ImportOutcome.Imported) throw new InvalidOperationException("The change's file was refused: " + report.Message);
                }
                finally
                {
                    File.Delete(change);
                }
                afterMonthImport.Add(Math.Round(await TimeAsync(() => figures.GetSummaryAsync(period.Value)), 1));
            }
            process.Refresh();
            var peakWithReloads = Megabytes(process.PeakWorkingSet64);
            // Where an answer after a change spends its time: reading the live facts from the database, or working out.
            double readMs;
            await using (var db = await dbFactory.CreateDbContextAsync())
                readMs = await TimeAsync(() => LiveFacts.ReadAsync(db, CancellationToken.None));

            var concurrent = callers.SelectMany(c => c).ToList();
            Console.WriteLine(JsonSerializer.Serialize(new SummaryTiming(
                summary.FinancialYear, summary.Quarter, incidents, facts, (summary.Asb?.Current ?? 0) + (summary.Crime?.Current ?? 0),
                Math.Round(first, 1), warm.Count, Percentile(warm, 0.50), Percentile(warm, 0.95), Math.Round(warm.Max(), 4),
                ConcurrentCallers, AnswersPerCaller, Percentile(concurrent, 0.95), Math.Round(concurrent.Max(), 4),
                afterFullRead, afterMonthImport, Math.Round(readMs, 1), Math.Round(peak, 1), Math.Round(liveHeap, 1), Math.Round(peakWithReloads, 1)), SummaryJson.Options));
            return CommandLine.Done;
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)], 4);
    }

    /// <summary>
    /// A year of police.uk rows all inside Harborough, month by month and sorted by LSOA as police.uk publishes them,
    /// over <paramref name="beats"/> neighbourhoods of two LSOAs each ("Harborough 001A", "Harborough 001B", ...).
    /// </summary>
    internal static void WriteDistrictFile(string path, int rows, int year, int beats)
    {
        var lsoas = Enumerable.Range(0, beats * 2).Select(i => ($"E0102{6000 + i}", $"Harborough {i / 2 + 1:D3}{(char)('A' + i % 2)}")).ToArray();
        BenchmarkCommand.WritePoliceUkRows(path, rows, year, lsoas, seed: year);
    }

    private static async Task<double> ImportAsync(string file, GrowthDatabase database)
    {
        var services = new ServiceCollection().AddCommunitySafetyData(database.Settings).BuildServiceProvider();
        await using (services)
        {
            await Database.PrepareAsync(services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>());
            var watch = Stopwatch.StartNew();
            var report = await services.GetRequiredService<Importer>().ImportAsync(new ImportRequest([UploadedFile.FromPath(file)]));
            watch.Stop();
            if (report.Outcome != ImportOutcome.Imported) throw new InvalidOperationException("The benchmark file was refused: " + report.Message);
            return watch.Elapsed.TotalSeconds;
        }
    }
}
