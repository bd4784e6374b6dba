using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>`import FILE... [--format ...] [--beat-map FILE]`: prints the import report; errors go to standard error.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--format", "--beat-map", "--db", "--area");
        if (arguments.Positional.Count == 0) throw new UsageException("Name at least one file to import.");
        var formatText = arguments.Value("--format") ?? "auto";
        if (!ImportFormatNames.TryParse(formatText, out var format))
            throw new UsageException($"--format must be auto, beat-extract or police-uk, not '{formatText}'.");
        var beatMap = arguments.Value("--beat-map");
        if (beatMap is not null && !File.Exists(beatMap))
        {
            Console.Error.WriteLine($"The beat map {beatMap} cannot be found.");
            return CommandLine.Refused;
        }

        await using var services = await open(arguments);
        var importer = services.GetRequiredService<Importer>();
        using var progress = ConsoleProgress.ForStandardError();
        var report = await importer.ImportAsync(new ImportRequest(
            arguments.Positional.Select(UploadedFile.FromPath).ToList(), format, beatMap, Environment.UserName, progress,
            Area: arguments.Value("--area")));
        progress?.Finish();

        Print(report);
        await services.GetRequiredService<CommunitySafety.Data.Audit.AuditLog>().WriteAsync(CommunitySafety.Data.Audit.AuditActor.CommandLine,
            CommunitySafety.Data.Audit.AuditKinds.Import,
            $"{(report.ImportId is { } id ? $"Import {id}: " : "")}{string.Join(", ", report.Files.Select(f => f.FileName))}: {report.Message}",
            report.Outcome == ImportOutcome.Refused ? CommunitySafety.Data.Audit.AuditOutcomes.Refused : CommunitySafety.Data.Audit.AuditOutcomes.Done);
        return report.Outcome == ImportOutcome.Refused ? CommandLine.Refused : CommandLine.Done;
    }

    /// <summary>`import-population FILE... [--beat-map FILE]`: a population file, under the same rules as any import.</summary>
    public static async Task<int> RunPopulationAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--beat-map", "--db");
        if (arguments.Positional.Count == 0) throw new UsageException("Name the population file to import.");
        var beatMap = arguments.Value("--beat-map");
        if (beatMap is not null && !File.Exists(beatMap))
        {
            Console.Error.WriteLine($"The beat map {beatMap} cannot be found.");
            return CommandLine.Refused;
        }

        await using var services = await open(arguments);
        var report = await services.GetRequiredService<Importer>().ImportAsync(new ImportRequest(
            arguments.Positional.Select(UploadedFile.FromPath).ToList(), ImportFormat.Population, beatMap, Environment.UserName));
        Print(report);
        return report.Outcome == ImportOutcome.Refused ? CommandLine.Refused : CommandLine.Done;
    }

    private static void Print(ImportReport report)
    {
        if (report.Outcome == ImportOutcome.Refused)
        {
            Console.Error.WriteLine(report.Message);
            // The first errors, then how many more: a file of a million bad rows prints a screenful, not a million lines.
            foreach (var error in report.Errors.Take(ImportLimits.ErrorsListed)) Console.Error.WriteLine($"  {error}");
            var listed = Math.Min(report.Errors.Count, ImportLimits.ErrorsListed);
            if (report.TotalErrors > listed)
                Console.Error.WriteLine($"  ... and {report.TotalErrors - listed:N0} more.");
            return;
        }

        Console.WriteLine(report.Message);
        foreach (var file in report.Files)
            Console.WriteLine($"  {file.FileName}: {file.Format.ToName()}, {file.Encoding}, {file.RowsRead:N0} rows read, {file.RowsKept:N0} kept, {file.RowsSkipped:N0} skipped (SHA-256 {file.Sha256[..12]}...)");
        if (report.Files.Count > 0)
            Console.WriteLine($"Rows read: {report.RowsRead:N0}; kept: {report.RowsKept:N0}; skipped: {report.RowsSkipped:N0}.");
        foreach (var reason in report.SkipReasons) Console.WriteLine($"  skipped {reason.Count:N0} rows: {reason.Reason}");
        if (report.Months.Count > 0)
        {
            Console.WriteLine("Months:");
            foreach (var month in report.Months)
                Console.WriteLine(month.ReplacedImportId is int id
                    ? $"  {month.Month} replaced (it came from import {id})"
                    : $"  {month.Month} new");
        }
        foreach (var warning in report.Warnings) Console.WriteLine($"Warning: {warning}");
    }
}
