using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `plan export --year 2023-24 --format docx|xlsx|json [--quarter 2] FILE` and `plan import FILE [--dry-run]`: the action
/// plan out as the council's Appendix A (Word), one Excel sheet or the JSON plan file, and back in from any of them.
/// </summary>
internal static class PlanCommand
{
    public const string Usage = """
          CommunitySafety.Dashboard plan export --year 2023-24 --format docx|xlsx|json [--quarter 2] FILE [--db PATH]
          CommunitySafety.Dashboard plan import FILE [--dry-run] [--db PATH]
        """;

    public static async Task<int> RunAsync(string[] words, Func<Arguments, Task<ServiceProvider>> open)
    {
        if (words.Length == 0) throw new UsageException("Say what to do with the plan: plan export or plan import.");
        var arguments = Arguments.Parse(words.Skip(1), "--dry-run");
        return words[0].ToLowerInvariant() switch
        {
            "export" => await ExportAsync(arguments, open),
            "import" => await ImportAsync(arguments, open),
            _ => throw new UsageException($"There is no plan command '{words[0]}': use plan export or plan import."),
        };
    }

    private static async Task<int> ExportAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--year", "--format", "--quarter", "--db");
        var year = arguments.Value("--year") ?? throw new UsageException("--year is needed, as a financial year like 2023-24.");
        if (!FinancialQuarter.TryParseYear(year, out _)) throw new UsageException($"--year must be a financial year like 2023-24, not '{year}'.");
        var format = arguments.Value("--format")?.ToLowerInvariant() switch
        {
            "docx" => PlanFileFormat.Docx,
            "xlsx" => PlanFileFormat.Xlsx,
            "json" => PlanFileFormat.Json,
            null => throw new UsageException("--format is needed: docx, xlsx or json."),
            var other => throw new UsageException($"--format must be docx, xlsx or json, not '{other}'."),
        };
        int? quarter = null;
        if (arguments.Value("--quarter") is { } quarterText)
        {
            if (!int.TryParse(quarterText, out var q) || q is < 1 or > 4) throw new UsageException($"--quarter must be 1, 2, 3 or 4, not '{quarterText}'.");
            quarter = q;
        }
        if (arguments.Positional.Count != 1) throw new UsageException("Name the one file to write: plan export --year 2023-24 --format docx plan.docx");

        await using var services = await open(arguments);
        var file = await services.GetRequiredService<IPlanFiles>().ExportAsync(year, format, quarter);
        var audit = services.GetRequiredService<AuditLog>();
        var what = $"Action plan {year}{(quarter is { } n ? $" with Q{n} progress" : "")} as {format.ToString().ToLowerInvariant()}";
        if (file is null)
        {
            await audit.WriteAsync(AuditActor.CommandLine, AuditKinds.PlanExport, what, AuditOutcomes.Refused);
            Console.Error.WriteLine($"There is no action plan for {year} in this database.");
            return CommandLine.Refused;
        }
        await File.WriteAllBytesAsync(arguments.Positional[0], file.Content);
        await audit.WriteAsync(AuditActor.CommandLine, AuditKinds.PlanExport, what);
        Console.WriteLine($"The {year} action plan was written to {arguments.Positional[0]}.");
        return CommandLine.Done;
    }

    private static async Task<int> ImportAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--dry-run", "--db");
        if (arguments.Positional.Count != 1) throw new UsageException("Name the one plan file to import: plan import plan.xlsx [--dry-run]");
        var path = arguments.Positional[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"There is no file {path}.");
            return CommandLine.Refused;
        }

        PlanFileRead read;
        await using (var stream = File.OpenRead(path)) read = PlanFileReader.Read(stream, path);
        if (read.Plan is null)
        {
            Console.Error.WriteLine($"The plan in {Path.GetFileName(path)} was not imported; nothing was changed:");
            foreach (var problem in read.Problems.Take(ImportLimits.ErrorsListed)) Console.Error.WriteLine($"  {problem}");
            return CommandLine.Refused;
        }

        await using var services = await open(arguments);
        var files = services.GetRequiredService<IPlanFiles>();
        if (arguments.Has("--dry-run"))
        {
            var preview = await files.PreviewImportAsync(read.Plan);
            Console.WriteLine("Nothing was changed: this is what importing the file would do.");
            Write(preview);
            return preview.Refusal is null ? CommandLine.Done : CommandLine.Refused;
        }

        // The command line acts as the CSP manager would, and is audited as the command line.
        var person = new Person(null, AuditActor.CommandLine.Person, null, [Roles.Manager]);
        var outcome = await files.ImportAsync(read.Plan, person);
        if (!outcome.Done)
        {
            Console.Error.WriteLine(outcome.Message);
            return CommandLine.Refused;
        }
        if (outcome.Preview is { } done) Write(done);
        else Console.WriteLine(outcome.Message);
        return CommandLine.Done;
    }

    private static void Write(PlanImportPreview preview)
    {
        Console.WriteLine(preview.Summary);
        foreach (var (title, items) in new[] { ("Added", preview.Changes.Added), ("Changed", preview.Changes.Changed), ("Retired", preview.Changes.Retired) })
        {
            if (items.Count == 0 || !preview.ReplacesPlan && title != "Added") continue;
            Console.WriteLine($"{title}:");
            foreach (var item in items) Console.WriteLine($"  {item}");
        }
    }
}
