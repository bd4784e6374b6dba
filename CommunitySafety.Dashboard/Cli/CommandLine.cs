using CommunitySafety.Data;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>The command-line verbs of ../shared/spec/summary-contract.md. Exit codes: 0 done, 1 refused, 2 bad usage.</summary>
public static class CommandLine
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int BadUsage = 2;

    private const string Usage = """
        Usage:
          CommunitySafety.Dashboard import FILE... [--format auto|beat-extract|police-uk] [--beat-map FILE] [--db PATH]
          CommunitySafety.Dashboard summary --year 2023-24 --quarter 1 [--json] [--db PATH]
          CommunitySafety.Dashboard imports [--json] [--db PATH]
          CommunitySafety.Dashboard undo IMPORT_ID [--db PATH]
          CommunitySafety.Dashboard benchmark --rows N [--json]
        With no verb, the dashboard web app starts.
        The database is --db PATH, or the setting ConnectionStrings:CommunitySafety
        (e.g. ConnectionStrings__CommunitySafety="Data Source=/tmp/x.db"); it is created when missing.
        """;

    private static readonly string[] Verbs = ["import", "summary", "imports", "undo", "benchmark", "help", "--help", "-h"];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        var words = args.Skip(1).ToArray();
        try
        {
            return verb switch
            {
                "import" => await ImportCommand.RunAsync(Arguments.Parse(words), Open),
                "summary" => await SummaryCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "imports" => await ImportsCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "undo" => await UndoCommand.RunAsync(Arguments.Parse(words), Open),
                "benchmark" => await BenchmarkCommand.RunAsync(Arguments.Parse(words, "--json")),
                _ => Help(),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
            return BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"The command could not finish: {e.Message}");
            return Refused;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return Done;
    }

    /// <summary>The services of the data layer on the chosen database, prepared (created and migrated) for use.</summary>
    private static async Task<ServiceProvider> Open(Arguments arguments)
    {
        var services = new ServiceCollection();
        services.AddCommunitySafetyData(Settings.ForCommandLine(arguments.Value("--db")));
        var provider = services.BuildServiceProvider();
        await Database.PrepareAsync(provider.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>());
        return provider;
    }
}
