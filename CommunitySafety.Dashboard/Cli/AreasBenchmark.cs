using System.Diagnostics;
using System.Text;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark --rows N --areas M`: an N-row police.uk file over M areas (three financial years, month by month, each month
/// sorted by LSOA, ten LSOAs an area, the home area among them), imported with Areas:Include=*, with a population for
/// every area; then one area's summary and a comparison of it with every other area are timed, the first time (reading
/// the area's data) and again (from what was read). For scale, the same summary is timed over a database that keeps the
/// home area alone.
/// </summary>
internal static class AreasBenchmark
{
    private const string Home = "Harborough";
    private const int LsoasPerArea = 10;
    private static readonly FinancialQuarter LastQuarter = new(2023, 4);

    private sealed record AreasResult(
        int Rows, int Areas, double FileMb, double ImportSeconds, double RowsPerSecond, double PeakWorkingSetMb,
        double SummaryFirstSeconds, double SummarySeconds, double ComparisonFirstSeconds, double ComparisonSeconds,
        double OneAreaImportSeconds, double OneAreaSummaryFirstSeconds, double OneAreaSummarySeconds);

    public static async Task<int> RunAsync(int rows, int areas, bool json)
    {
        var folder = Directory.CreateTempSubdirectory("community-safety-benchmark-areas-");
        try
        {
            var names = AreaNames(areas);
            var file = Path.Combine(folder.FullName, "benchmark-street.csv");
            WriteFile(file, rows, names);
            var population = Path.Combine(folder.FullName, "population.csv");
            File.WriteAllLines(population, ["Area,Population", .. names.Select((n, i) => $"{n},{90_000 + i * 137}")]);

            var (import, first, again, compareFirst, compareAgain) = await MeasureAsync(file, population, Path.Combine(folder.FullName, "all.db"), ["*"]);
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
            var (oneImport, oneFirst, oneAgain, _, _) = await MeasureAsync(file, null, Path.Combine(folder.FullName, "home.db"), null);

            var result = new AreasResult(rows, areas, Math.Round(new FileInfo(file).Length / 1024.0 / 1024.0, 1),
                Math.Round(import, 3), Math.Round(rows / import), Math.Round(peakMb, 1),
                Math.Round(first, 3), Math.Round(again, 4), Math.Round(compareFirst, 3), Math.Round(compareAgain, 3),
                Math.Round(oneImport, 3), Math.Round(oneFirst, 3), Math.Round(oneAgain, 4));
            Console.WriteLine(json ? SummaryJson.Serialize(result) : Describe(result));
            return CommandLine.Done;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Describe(AreasResult r) => string.Join(Environment.NewLine,
        $"Benchmark: {r.Rows:N0} police.uk rows over {r.Areas:N0} areas ({r.FileMb:N1} MB), Areas:Include=*",
        Line("Import", $"{r.ImportSeconds:N3} s   {r.RowsPerSecond:N0} rows/s"),
        Line("Peak working set", $"{r.PeakWorkingSetMb:N1} MB"),
        Line($"{Home}'s summary", $"{r.SummaryFirstSeconds:N3} s the first time, then {r.SummarySeconds:N4} s"),
        Line($"Comparison with {r.Areas - 1:N0} areas", $"{r.ComparisonFirstSeconds:N3} s the first time, then {r.ComparisonSeconds:N3} s"),
        $"The same file with only {Home} kept:",
        Line("Import", $"{r.OneAreaImportSeconds:N3} s"),
        Line($"{Home}'s summary", $"{r.OneAreaSummaryFirstSeconds:N3} s the first time, then {r.OneAreaSummarySeconds:N4} s"));

    private static string Line(string label, string value) => $"  {label + ":",-34} {value}";

    /// <summary>Imports the file (and the population), then times the home area's summary and its comparison, each twice.</summary>
    private static async Task<(double Import, double SummaryFirst, double Summary, double CompareFirst, double Compare)> MeasureAsync(
        string file, string? population, string databasePath, IReadOnlyList<string>? include)
    {
        var services = new ServiceCollection()
            .AddCommunitySafetyData(new DataSettings($"Data Source={databasePath}", Home, AreasInclude: include)).BuildServiceProvider();
        await using (services)
        {
            await Database.PrepareAsync(services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>());
            var importer = services.GetRequiredService<Importer>();
            var watch = Stopwatch.StartNew();
            var report = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(file)]));
            var import = watch.Elapsed.TotalSeconds;
            if (report.Outcome != ImportOutcome.Imported) throw new InvalidOperationException("The benchmark file was refused: " + report.Message);
            if (population is not null)
            {
                var populationReport = await importer.ImportAsync(new ImportRequest([UploadedFile.FromPath(population)], ImportFormat.Population));
                if (populationReport.Outcome != ImportOutcome.Imported) throw new InvalidOperationException("The population file was refused: " + populationReport.Message);
            }

            var figures = services.GetRequiredService<IFiguresService>();
            var summaryFirst = await TimeAsync(() => figures.GetAreaSummaryAsync(Home, LastQuarter));
            var summary = await TimeAsync(() => figures.GetAreaSummaryAsync(Home, LastQuarter));
            if (population is null) return (import, summaryFirst, summary, 0, 0);
            var request = new ComparisonRequest(LastQuarter, "asb", Home);
            var compareFirst = await TimeAsync(() => figures.GetComparisonAsync(request));
            var compare = await TimeAsync(() => figures.GetComparisonAsync(request));
            return (import, summaryFirst, summary, compareFirst, compare);
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        _ = await action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The home area, then "District AA", "District AB"...: names of letters, as district names are.</summary>
    private static IReadOnlyList<string> AreaNames(int count) =>
        [Home, .. Enumerable.Range(0, count - 1).Select(i => $"District {(char)('A' + i / 26 % 26)}{(char)('A' + i % 26)}{(i >= 676 ? (char)('A' + i / 676) : "")}")];

    /// <summary>The rows month by month over three financial years (April 2021 to March 2024), each month sorted by LSOA name.</summary>
    private static void WriteFile(string path, int rows, IReadOnlyList<string> areas)
    {
        var lsoas = areas.SelectMany(area => Enumerable.Range(0, LsoasPerArea).Select(i => $"{area} {i / 4 + 1:D3}{(char)('A' + i % 4)}"))
            .Order(StringComparer.Ordinal).ToArray();
        string[] types = ["Anti-social behaviour", "Violence and sexual offences", "Criminal damage and arson", "Public order", "Burglary", "Shoplifting", "Other theft"];
        const int months = 36;
        var random = new Random(20240401);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context");
        for (var i = 0; i < rows; i++)
        {
            var m = (int)((long)i * months / rows);
            var startOfMonth = (long)m * rows / months;
            var rowsInMonth = (long)(m + 1) * rows / months - startOfMonth;
            var lsoa = (int)Math.Min(lsoas.Length - 1, (i - startOfMonth) * lsoas.Length / Math.Max(1, rowsInMonth));
            var month = new YearMonth(2021, 4).AddMonths(m);
            var type = types[random.Next(types.Length)];
            writer.Write($",{month},Benchmark Police,Benchmark Police,-0.{random.Next(900000, 999999)},52.{random.Next(400000, 600000)},On or near High Street,");
            writer.WriteLine($"E01{lsoa:D6},{lsoas[lsoa]},{type},,");
        }
    }
}
