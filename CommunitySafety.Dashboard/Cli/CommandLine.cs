using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
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
          CommunitySafety.Dashboard import FILE... [--format auto|beat-extract|police-uk] [--beat-map FILE] [--area NAME] [--db PATH]
          CommunitySafety.Dashboard import-population FILE [--beat-map FILE] [--db PATH]
          CommunitySafety.Dashboard summary --year 2023-24 --quarter 1 [--area NAME] [--json] [--db PATH]
          CommunitySafety.Dashboard compare --year 2023-24 --quarter 1 --measure asb|crime|domestic|crime-type:NAME [--area NAME] [--group A,B] [--json] [--db PATH]
          CommunitySafety.Dashboard compare-group [--area NAME] (--group A,B | --clear) [--db PATH]
          CommunitySafety.Dashboard imports [--json] [--db PATH]
          CommunitySafety.Dashboard undo IMPORT_ID [--db PATH]
          CommunitySafety.Dashboard benchmark --rows N [--areas M] [--json]
          CommunitySafety.Dashboard benchmark-upload --mb 150
          CommunitySafety.Dashboard benchmark-live --pages N [--page overview|beats|meeting] [--large] [--changes K] [--app DLL] [--browsers-share-cpu]
          CommunitySafety.Dashboard benchmark-growth --rows N --years Y [--beats B] [--provider PostgreSQL --connection "Host=..."] [--json]
          CommunitySafety.Dashboard backup --to FILE [--db PATH]
          CommunitySafety.Dashboard restore --from FILE [--replace] [--db PATH]
        """ + "\n" + PlanCommand.Usage + "\n" + UsersCommand.Usage + "\n" + """
          CommunitySafety.Dashboard audit [--since 2024-01-01] [--until 2024-03-31] [--person NAME] [--kind KIND] [--json]
        With no verb, the dashboard web app starts.
        The database is --db PATH, or the setting ConnectionStrings:CommunitySafety
        (e.g. ConnectionStrings__CommunitySafety="Data Source=/tmp/x.db"); it is created when missing.
        PostgreSQL: --provider PostgreSQL --connection "Host=...;Database=...;Username=..." wherever --db is taken,
        or the settings Database:Provider=PostgreSQL and ConnectionStrings:CommunitySafety.
        """;

    private static readonly string[] Verbs = ["import", "import-population", "summary", "compare", "compare-group", "imports", "undo", "benchmark", "benchmark-upload", "benchmark-live", "benchmark-growth", "backup", "restore", "plan", "users", "audit", "help", "--help", "-h"];

    /// <summary>
    /// True for a verb, and for any first word that can only have been meant as one (a mistyped "imprt" is bad usage,
    /// not a web server started). The web host's own arguments start with - or / or hold '=' (--urls x, urls=x).
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase)
                            || (args[0].Length > 0 && args[0][0] is not ('-' or '/') && !args[0].Contains('=')));

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        var words = args.Skip(1).ToArray();
        try
        {
            return verb switch
            {
                "import" => await ImportCommand.RunAsync(Arguments.Parse(words), Open),
                "import-population" => await ImportCommand.RunPopulationAsync(Arguments.Parse(words), Open),
                "summary" => await SummaryCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "compare" => await CompareCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "compare-group" => await CompareCommand.RunGroupAsync(Arguments.Parse(words, "--clear"), Open),
                "imports" => await ImportsCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "undo" => await UndoCommand.RunAsync(Arguments.Parse(words), Open),
                "benchmark" => await BenchmarkCommand.RunAsync(Arguments.Parse(words, "--json")),
                "benchmark-upload" => await BenchmarkUploadCommand.RunAsync(Arguments.Parse(words)),
                "benchmark-live" => await BenchmarkLiveCommand.RunAsync(Arguments.Parse(words, "--large", "--browsers-share-cpu")),
                "benchmark-growth" => await BenchmarkGrowthCommand.RunAsync(Arguments.Parse(words, "--json")),
                "backup" => await BackupCommand.RunAsync(Arguments.Parse(words)),
                "restore" => await RestoreCommand.RunAsync(Arguments.Parse(words, "--replace")),
                "plan" => await PlanCommand.RunAsync(words, Open),
                "users" => await UsersCommand.RunAsync(words, Open),
                "audit" => await AuditCommand.RunAsync(Arguments.Parse(words, "--json"), Open),
                "help" or "--help" or "-h" => Help(),
                _ => throw new UsageException($"There is no command '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
            return BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"The command could not finish: {e.Message}");
            return Refused;
        }
        catch (Exception e)
        {
            // Nothing was changed (an import writes in one transaction); say so in a sentence, not a stack trace.
            Console.Error.WriteLine($"The command stopped because of an unexpected problem, and nothing was changed: {e.Message}");
            return Refused;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return Done;
    }

    /// <summary>The data settings with the database the words name: --db PATH (SQLite), or --provider and --connection.</summary>
    internal static DataSettings SettingsOf(Arguments arguments)
    {
        try
        {
            return Settings.ForCommandLine(arguments.Value("--db"), arguments.Value("--provider"), arguments.Value("--connection"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The services of the data layer on the chosen database, prepared (created and migrated) for use.</summary>
    private static async Task<ServiceProvider> Open(Arguments arguments)
    {
        var services = new ServiceCollection();
        services.AddCommunitySafetyData(SettingsOf(arguments));
        var provider = services.BuildServiceProvider();
        // On PostgreSQL an import from another server may be being written: say that this one waits for it.
        if (provider.GetRequiredService<IImportWriter>() is PostgreSqlImportWriter postgreSql) postgreSql.Waiting = Console.Error.WriteLine;
        var swept = provider.GetRequiredService<StoredUploads>().SweepPartial(); // what a killed import left half-copied
        if (swept > 0) Console.Error.WriteLine(StoredUploads.SweptSentence(swept));
        await Database.PrepareAsync(provider.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>(), log: Console.Error.WriteLine);
        return provider;
    }
}
