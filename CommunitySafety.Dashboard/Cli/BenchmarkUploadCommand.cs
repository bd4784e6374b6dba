using System.Diagnostics;
using System.Globalization;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `benchmark-upload --mb 150`: streams a police.uk file of that size through the Imports page's own upload code
/// (<see cref="UploadSpool"/>) and then reads it as the page does (prepare, no write), printing the process's working
/// set and peak working set before and after each step: the upload should add about one buffer, whatever the size.
/// </summary>
internal static class BenchmarkUploadCommand
{
    private const int BytesPerRowEstimate = 259; // measured on the file WritePoliceUkFile writes

    public static async Task<int> RunAsync(Arguments arguments)
    {
        arguments.AllowOnly("--mb");
        var mbText = arguments.Value("--mb") ?? "150";
        if (!int.TryParse(mbText, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) || mb < 1)
            throw new UsageException($"--mb must be a whole number of 1 or more, not '{mbText}'.");

        var folder = Directory.CreateTempSubdirectory("community-safety-upload-benchmark-");
        try
        {
            var file = Path.Combine(folder.FullName, "2023-benchmark-leicestershire-street.csv");
            BenchmarkCommand.WritePoliceUkFile(file, (int)(mb * 1024L * 1024L / BytesPerRowEstimate));
            var size = new FileInfo(file).Length;
            var before = Memory.Now();

            using var spool = new UploadSpool(Path.Combine(folder.FullName, "incoming"));
            var watch = Stopwatch.StartNew();
            // The browser's stream arrives in chunks of about 32 KB; a FileStream read with the same buffer stands in for it.
            var path = await spool.SaveAsync(new IncomingFile(Path.GetFileName(file), size, _ => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 32 * 1024)),
                long.MaxValue, null, CancellationToken.None);
            var uploadSeconds = watch.Elapsed.TotalSeconds;
            var afterUpload = Memory.Now();

            var services = new ServiceCollection().AddCommunitySafetyData($"Data Source={Path.Combine(folder.FullName, "benchmark.db")}").BuildServiceProvider();
            await using (services)
            {
                await Database.PrepareAsync(services.GetRequiredService<IDbContextFactory<Data.Storage.CommunitySafetyDb>>());
                watch.Restart();
                using var prepared = await services.GetRequiredService<Importer>().PrepareAsync(new ImportRequest([new UploadedFile(path, Path.GetFileName(file))]));
                var readSeconds = watch.Elapsed.TotalSeconds;
                var afterRead = Memory.Now();
                Console.WriteLine($"""
                    Upload benchmark: {size / 1024.0 / 1024.0:N1} MB police.uk file through the Imports page's upload code
                                               working set   peak working set
                      before the upload:       {before.WorkingMb,8:N1} MB    {before.PeakMb,8:N1} MB
                      after the upload:        {afterUpload.WorkingMb,8:N1} MB    {afterUpload.PeakMb,8:N1} MB   ({uploadSeconds:N2} s)
                      after reading (preview): {afterRead.WorkingMb,8:N1} MB    {afterRead.PeakMb,8:N1} MB   ({readSeconds:N2} s, {prepared.Preview?.RowsRead ?? 0:N0} rows)
                      the upload raised the peak by {afterUpload.PeakMb - before.PeakMb:N1} MB for a {size / 1024.0 / 1024.0:N1} MB file.
                    """);
            }
            return CommandLine.Done;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private readonly record struct Memory(double WorkingMb, double PeakMb)
    {
        public static Memory Now()
        {
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            return new Memory(process.WorkingSet64 / 1024.0 / 1024.0, process.PeakWorkingSet64 / 1024.0 / 1024.0);
        }
    }
}
