using System.Globalization;
using CommunitySafety.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>`undo IMPORT_ID`: the months of that import go back to the import they came from before it.</summary>
internal static class UndoCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--db");
        if (arguments.Positional.Count != 1 || !int.TryParse(arguments.Positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out var importId))
            throw new UsageException("Name the import to undo by its number, as `imports` lists it: undo 3");

        await using var services = await open(arguments);
        var report = await services.GetRequiredService<ImportService>().UndoAsync(importId);
        await services.GetRequiredService<CommunitySafety.Data.Audit.AuditLog>().WriteAsync(CommunitySafety.Data.Audit.AuditActor.CommandLine,
            CommunitySafety.Data.Audit.AuditKinds.Undo, $"Undo of import {importId}: {report.Message}",
            report.Done ? CommunitySafety.Data.Audit.AuditOutcomes.Done : CommunitySafety.Data.Audit.AuditOutcomes.Refused);
        if (!report.Done)
        {
            Console.Error.WriteLine(report.Message);
            return CommandLine.Refused;
        }
        Console.WriteLine(report.Message);
        return CommandLine.Done;
    }
}
