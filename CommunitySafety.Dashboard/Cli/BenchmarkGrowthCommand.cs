using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CommunitySafety.Data;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark-growth --rows N --years Y --beats B [--json]`: imports Y successive N-row police.uk years of a district of
/// B beats into one database, then the last year's file again into an empty database, and prints each import's time
/// and peak working set beside the first, with the database's and the kept files' sizes. Each import runs in a
/// process of its own (as the command line's import does), so each peak is that import's alone.
/// </summary>
internal static class BenchmarkGrowthCommand
{
    private const int FirstYear = 2014;

    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--rows", "--years", "--beats", "--folder", "--json", "--import-one", "--db");
        if (arguments.Value("--import-one") is { } oneFile) return await ImportOneAsync(oneFile, arguments.Value("--db") ?? throw new UsageException("--import-one needs --db."));

        var rows = WholeNumber(arguments, "--rows", "1000000");
        var years = WholeNumber(arguments, "--years", "10");
        var beats = WholeNumber(arguments, "--beats", "300");
        // --folder keeps the databases and kept files there afterwards, for a closer look.
        var keep = arguments.Value("--folder");
        var folder = keep is null ? Directory.CreateTempSubdirectory("community-safety-growth-benchmark-") : Directory.CreateDirectory(keep);
        try
        {
            var database = Path.Combine(folder.FullName, "growth.db");
            var results = new List<GrowthStep>();
            string? lastFile = null;
            for (var i = 0; i < years; i++)
            {
                if (lastFile is not null) File.Delete(lastFile);
                lastFile = Path.Combine(folder.FullName, $"{FirstYear + i}-leicestershire-street.csv");
                WriteDistrictFile(lastFile, rows, FirstYear + i, beats);
                var step = await ImportInChildAsync(lastFile, database, $"{FirstYear + i}");
                results.Add(step);
                if (!arguments.Has("--json")) Console.WriteLine(Describe(step, results[0]));
            }
            var empty = await ImportInChildAsync(lastFile!, Path.Combine(folder.FullName, "empty.db"), $"{FirstYear + years - 1} into an empty database");
            var result = new GrowthResult(rows, beats, results, empty,
                Math.Round(results[^1].Seconds / empty.Seconds, 2), Math.Round(results[^1].CpuSeconds / empty.CpuSeconds, 2));
            Console.WriteLine(arguments.Has("--json")
                ? Data.Figures.SummaryJson.Serialize(result)
                : $"""
                  {Describe(empty, results[0])}
                  The last year took {result.LastToEmptyRatio:N2}x the time ({result.LastToEmptyCpuRatio:N2}x the CPU) of the same import into an empty database.
                  """);
            return CommandLine.Done;
        }
        finally
        {
            if (keep is null) folder.Delete(recursive: true);
        }
    }

    private static int WholeNumber(Arguments arguments, string option, string fallback)
    {
        var text = arguments.Value(option) ?? fallback;
        if (!int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new UsageException($"{option} must be a whole number of 1 or more, not '{text}'.");
        return value;
    }

    internal sealed record GrowthStep(string Year, double Seconds, double CpuSeconds, double PeakWorkingSetMb, double DatabaseMb, double KeptFilesMb);

    private sealed record GrowthResult(int Rows, int Beats, IReadOnlyList<GrowthStep> Years, GrowthStep EmptyDatabase, double LastToEmptyRatio, double LastToEmptyCpuRatio);

    private static string Describe(GrowthStep step, GrowthStep first) =>
        $"  {step.Year,-30} {step.Seconds,6:N2} s ({step.Seconds / first.Seconds,4:N2}x)   CPU {step.CpuSeconds,6:N2} s ({step.CpuSeconds / first.CpuSeconds,4:N2}x)   peak {step.PeakWorkingSetMb,6:N0} MB" +
        $"   database {step.DatabaseMb,7:N1} MB   kept files {step.KeptFilesMb,7:N1} MB";

    /// <summary>Runs this program again as `benchmark-growth --import-one FILE --db PATH` and reads the line it prints.</summary>
    private static async Task<GrowthStep> ImportInChildAsync(string file, string database, string label)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // Under `dotnet CommunitySafety.Dashboard.dll` the process is dotnet itself, which needs the program's path first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var word in new[] { "benchmark-growth", "--import-one", file, "--db", database }) start.ArgumentList.Add(word);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The import of {Path.GetFileName(file)} failed: {output}");
        var measured = JsonSerializer.Deserialize<double[]>(output.Trim())!;
        var keptFiles = new DirectoryInfo(StoredUploads.FolderBeside($"Data Source={database}"));
        return new GrowthStep(label, Math.Round(measured[0], 3), Math.Round(measured[2], 3), Math.Round(measured[1], 1),
            Math.Round(new FileInfo(database).Length / 1024.0 / 1024.0, 1),
            Math.Round(keptFiles.Exists ? keptFiles.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0 : 0, 1));
    }

    /// <summary>The child's part: a small warm-up import elsewhere (so the runtime's compiling is not timed), then the import, timed.</summary>
    private static async Task<int> ImportOneAsync(string file, string database)
    {
        var warmUpFolder = Directory.CreateTempSubdirectory("community-safety-growth-warm-up-");
        try
        {
            var warmUp = Path.Combine(warmUpFolder.FullName, "2000-warm-up-leicestershire-street.csv");
            WriteDistrictFile(warmUp, 1000, 2000, 10);
            await ImportAsync(warmUp, Path.Combine(warmUpFolder.FullName, "warm-up.db"));
        }
        finally
        {
            warmUpFolder.Delete(recursive: true);
        }
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = await ImportAsync(file, database);
        using var process = Process.GetCurrentProcess();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new[] { seconds, process.PeakWorkingSet64 / 1024.0 / 1024.0, cpuSeconds }));
        return CommandLine.Done;
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

    private static async Task<double> ImportAsync(string file, string database)
    {
        var services = new ServiceCollection().AddCommunitySafetyData($"Data Source={database}").BuildServiceProvider();
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
