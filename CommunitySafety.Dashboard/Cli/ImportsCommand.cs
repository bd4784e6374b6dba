using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>`imports [--json]`: the import history, newest first.</summary>
internal static class ImportsCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--db", "--json");
        if (arguments.Positional.Count > 0) throw new UsageException("`imports` takes no file or number.");

        await using var services = await open(arguments);
        var history = await services.GetRequiredService<ImportService>().HistoryAsync();
        if (arguments.Has("--json"))
        {
            Console.WriteLine(SummaryJson.Serialize(history));
            return CommandLine.Done;
        }
        if (history.Count == 0)
        {
            Console.WriteLine("No imports yet.");
            return CommandLine.Done;
        }
        foreach (var import in history)
        {
            var months = import.Months.Count == 0 ? "no months" : $"{import.Months[0].Month} to {import.Months[^1].Month}";
            var live = import.Status == ImportStatus.Undone ? $"undone {import.UndoneAt:yyyy-MM-dd HH:mm}" : $"{import.LiveMonths.Count} of {import.Months.Count} months live";
            Console.WriteLine($"#{import.Id}  {import.ImportedAt:yyyy-MM-dd HH:mm}  {import.ImportedBy ?? "-"}  {months}  rows read {import.RowsRead:N0}, kept {import.RowsKept:N0}, skipped {import.RowsSkipped:N0}  [{live}]");
            foreach (var file in import.Files) Console.WriteLine($"      {file.FileName}  {file.Format.ToName()}  sha256 {file.Sha256}");
            foreach (var reason in import.SkipReasons) Console.WriteLine($"      skipped {reason.Count:N0}: {reason.Reason}");
            foreach (var warning in import.Warnings) Console.WriteLine($"      warning: {warning}");
        }
        return CommandLine.Done;
    }
}
