using System.Text.Json;
using CommunitySafety.Dashboard.Cli;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.Data.Sqlite;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Cli;

/// <summary>These tests swap Console.Out/Error and set an environment variable, so nothing may run beside them.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The verbs of summary-contract.md, run in-process through CommandLine.RunAsync on a temporary database.</summary>
[Collection(nameof(ConsoleCollection))]
public class CommandLineTests
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    /// <summary>Q1 2022-23 and Q1 2023-24: enough for every part of the summary to have something in it.</summary>
    private static string TwoYears => Lines(Header,
        "2022-04,Harborough North,ASB,Nuisance,Residential,N,40",
        "2022-05,Harborough Town,ASB,Personal,Street,N,30",
        "2022-06,Lutterworth,ASB,Nuisance,Open Space,N,10",
        "2022-04,Harborough North,Crime,Criminal Damage,Residential,N,10",
        "2022-05,Harborough North,Crime,Violence Without Injury,Dwelling,Y,30",
        "2022-06,Lutterworth,Incident,,Dwelling,Y,8",
        "2023-04,Harborough North,ASB,Nuisance,Residential,N,30",
        "2023-05,Harborough Town,ASB,Personal,Street,N,25",
        "2023-06,Lutterworth,ASB,Nuisance,Open Space,N,5",
        "2023-04,Harborough North,Crime,Criminal Damage,Residential,N,15",
        "2023-05,Harborough North,Crime,Violence Without Injury,Dwelling,Y,28",
        "2023-06,Lutterworth,Incident,,Dwelling,Y,9");

    [Fact]
    public async Task Import_exits_0_and_prints_the_report()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("q1.csv", TwoYears);

        var run = await RunAsync("import", file, "--db", db.DatabasePath);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Import 1 done", run.Out);
        Assert.Contains("q1.csv: beat-extract", run.Out);
        Assert.Contains("Rows read: 12; kept: 12; skipped: 0.", run.Out);
        Assert.Contains("2023-06 new", run.Out);
        Assert.Equal(-25.0, (await db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 1))).Asb!.ChangePercent);
    }

    [Fact]
    public async Task Import_of_a_month_already_held_says_which_import_it_replaced()
    {
        await using var db = await CreateAsync();
        await RunAsync("import", db.WriteFile("q1.csv", TwoYears), "--db", db.DatabasePath);

        var run = await RunAsync("import", db.WriteFile("may.csv", Lines(Header, "2023-05,Harborough Town,ASB,,,,1")), "--db", db.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2023-05 replaced (it came from import 1)", run.Out);
    }

    [Fact]
    public async Task A_refused_import_exits_1_with_each_error_on_standard_error_by_file_and_line()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("bad.csv", Lines(Header,
            "2023-04,Harborough North,ASB,,,,1",
            "2023-04,Harborough North,ASB,,,,-1",
            "2023-04,Harborough North,Crime,,,,1"));

        var run = await RunAsync("import", file, "--db", db.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing was changed", run.Error);
        Assert.Contains("bad.csv, line 3, column Count: found \"-1\"", run.Error);
        Assert.Contains("bad.csv, line 4, column Type", run.Error);
        Assert.Equal((0, 0, 0), await db.CountRowsAsync());
    }

    [Fact]
    public async Task An_identical_file_exits_0_and_says_nothing_changed()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("q1.csv", TwoYears);
        await RunAsync("import", file, "--db", db.DatabasePath);

        var run = await RunAsync("import", file, "--db", db.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nothing changed", run.Out);
        Assert.Equal(1, (await db.CountRowsAsync()).Imports);
    }

    public static TheoryData<string[]> BadUsage => new()
    {
        new[] { "summary", "--year", "2023-24", "--quarter", "1", "--colour", "red" },
        new[] { "summary", "--year", "2023-24", "--quarter", "1", "--jsn" },
        new[] { "import", "q1.csv", "--formt", "auto" },
        new[] { "imports", "--verbose" },
        new[] { "undo", "1", "--force" },
        new[] { "summary", "--quarter", "1" },
        new[] { "summary", "--year", "2023-24" },
        new[] { "summary", "--year", "2023/25", "--quarter", "1" },
        new[] { "summary", "--year", "23-24", "--quarter", "1" },
        new[] { "summary", "--year", "2023-24", "--quarter", "5" },
        new[] { "summary", "--year", "2023-24", "--quarter", "0" },
        new[] { "summary", "--year", "2023-24", "--quarter", "Q1" },
        new[] { "summary", "--year", "2023-24", "--quarter" },
        new[] { "import", "q1.csv", "--format", "xlsx" },
        new[] { "import" },
        new[] { "imports", "3" },
        new[] { "undo" },
        new[] { "undo", "three" },
        new[] { "undo", "1", "2" },
        new[] { "imprt", "q1.csv" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_with_the_reason_and_the_usage_and_touches_no_database(string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("community-safety-cli-").FullName;
        try
        {
            var database = Path.Combine(folder, "never.db");

            var run = await RunAsync([.. args, "--db", database]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Usage:", run.Error);
            Assert.NotEqual("", run.Error.Split("Usage:")[0].Trim()); // a sentence saying what was wrong comes first
            Assert.Equal("", run.Out);
            Assert.False(File.Exists(database), "bad usage must not create or open the database");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_exits_0_and_prints_the_usage()
    {
        var run = await RunAsync("help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Fact]
    public void Only_words_that_can_be_verbs_go_to_the_command_line_the_rest_start_the_web_app()
    {
        Assert.True(CommandLine.IsVerb(["import", "x.csv"]));
        Assert.True(CommandLine.IsVerb(["SUMMARY"]));
        Assert.True(CommandLine.IsVerb(["imprt", "x.csv"])); // a mistyped verb is bad usage, not a web server started
        Assert.False(CommandLine.IsVerb([]));
        Assert.False(CommandLine.IsVerb(["--urls", "http://localhost:5000"]));
        Assert.False(CommandLine.IsVerb(["urls=http://localhost:5000"]));
        Assert.False(CommandLine.IsVerb(["/environment", "Development"]));
    }

    [Fact]
    public async Task Summary_json_uses_exactly_the_contracts_names()
    {
        await using var db = await CreateAsync();
        await RunAsync("import", db.WriteFile("q1.csv", TwoYears), "--db", db.DatabasePath);

        var run = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json", "--db", db.DatabasePath);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        AssertNames(root, "area", "financialYear", "quarter", "current", "previous", "dataComplete", "missingMonths",
            "asb", "crime", "domestic", "crimeTypes", "beats", "locationTypes", "headlines", "narrative");
        Assert.Equal("Harborough", root.GetProperty("area").GetString());
        Assert.Equal("2023-24", root.GetProperty("financialYear").GetString());
        Assert.Equal(1, root.GetProperty("quarter").GetInt32());
        AssertNames(root.GetProperty("current"), "from", "to");
        Assert.Equal(("2023-04", "2023-06"), (root.GetProperty("current").GetProperty("from").GetString(), root.GetProperty("current").GetProperty("to").GetString()));
        Assert.Equal(("2022-04", "2022-06"), (root.GetProperty("previous").GetProperty("from").GetString(), root.GetProperty("previous").GetProperty("to").GetString()));
        Assert.True(root.GetProperty("dataComplete").GetBoolean());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("missingMonths").ValueKind);
        Assert.Equal(0, root.GetProperty("missingMonths").GetArrayLength());

        var asb = root.GetProperty("asb");
        AssertMeasure(asb);
        Assert.Equal((60, 80, -20), (asb.GetProperty("current").GetInt32(), asb.GetProperty("previous").GetInt32(), asb.GetProperty("change").GetInt32()));
        Assert.Equal(-25.0, asb.GetProperty("changePercent").GetDouble());
        Assert.Equal(-2.40, asb.GetProperty("z").GetDouble());
        Assert.Equal("possible", asb.GetProperty("significance").GetString());
        AssertMeasure(root.GetProperty("crime"));
        AssertMeasure(root.GetProperty("domestic"));

        Assert.Equal(2, root.GetProperty("crimeTypes").GetArrayLength());
        foreach (var type in root.GetProperty("crimeTypes").EnumerateArray()) AssertMeasure(type, named: true);
        Assert.Equal("Violence Without Injury", root.GetProperty("crimeTypes")[0].GetProperty("name").GetString());

        Assert.Equal(3, root.GetProperty("beats").GetArrayLength());
        foreach (var beat in root.GetProperty("beats").EnumerateArray())
        {
            AssertNames(beat, "name", "asb", "crime", "domestic");
            AssertMeasure(beat.GetProperty("asb"));
            AssertMeasure(beat.GetProperty("crime"));
            AssertMeasure(beat.GetProperty("domestic"));
        }

        var locations = root.GetProperty("locationTypes");
        AssertNames(locations, "asb", "crime", "domestic");
        foreach (var measure in new[] { "asb", "crime", "domestic" })
        {
            Assert.NotEqual(0, locations.GetProperty(measure).GetArrayLength());
            foreach (var location in locations.GetProperty(measure).EnumerateArray()) AssertMeasure(location, named: true);
        }

        var headlines = root.GetProperty("headlines");
        AssertNames(headlines, "mostCommonCrimeType", "largestIncreaseCrimeType", "topCrimeBeat", "topAsbBeats",
            "topDomesticBeat", "topAsbLocationType", "topDomesticLocationType");
        Assert.Equal("Violence Without Injury", headlines.GetProperty("mostCommonCrimeType").GetString());
        Assert.Equal("Criminal Damage", headlines.GetProperty("largestIncreaseCrimeType").GetString());
        Assert.Equal("Harborough North", headlines.GetProperty("topCrimeBeat").GetString());
        Assert.Equal(["Harborough North", "Harborough Town"], headlines.GetProperty("topAsbBeats").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Harborough North", headlines.GetProperty("topDomesticBeat").GetString());
        Assert.Equal("Residential", headlines.GetProperty("topAsbLocationType").GetString());
        Assert.Equal("Dwelling", headlines.GetProperty("topDomesticLocationType").GetString());

        var narrative = root.GetProperty("narrative");
        Assert.Equal(JsonValueKind.Array, narrative.ValueKind);
        Assert.NotEqual(0, narrative.GetArrayLength());
        Assert.All(narrative.EnumerateArray(), sentence => Assert.Equal(JsonValueKind.String, sentence.ValueKind));
    }

    [Fact]
    public async Task Summary_as_text_exits_0()
    {
        await using var db = await CreateAsync();
        await RunAsync("import", db.WriteFile("q1.csv", TwoYears), "--db", db.DatabasePath);

        var run = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--db", db.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Harborough: Q1 2023-24 year to date", run.Out);
        Assert.Contains("-25.0%", run.Out);
    }

    [Fact]
    public async Task Imports_lists_each_import_newest_first_with_its_files()
    {
        await using var db = await CreateAsync();
        var first = db.WriteFile("q1.csv", TwoYears);
        await RunAsync("import", first, "--db", db.DatabasePath);
        await RunAsync("import", db.WriteFile("may.csv", Lines(Header, "2023-05,Harborough Town,ASB,,,,1")), "--db", db.DatabasePath);

        var run = await RunAsync("imports", "--db", db.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Out.IndexOf("#2", StringComparison.Ordinal) < run.Out.IndexOf("#1", StringComparison.Ordinal), run.Out);
        Assert.Contains("q1.csv", run.Out);
        Assert.Contains("may.csv", run.Out);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(first))), run.Out);
        Assert.Contains("5 of 6 months live", run.Out);

        var json = await RunAsync("imports", "--json", "--db", db.DatabasePath);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal([2, 1], document.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Undo_of_an_import_exits_0_and_an_unknown_or_undone_one_exits_1()
    {
        await using var db = await CreateAsync();
        await RunAsync("import", db.WriteFile("q1.csv", TwoYears), "--db", db.DatabasePath);
        await RunAsync("import", db.WriteFile("may.csv", Lines(Header, "2023-05,Harborough Town,ASB,,,,1")), "--db", db.DatabasePath);
        Assert.Equal(36, (await db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 1))).Asb!.Current);

        var undo = await RunAsync("undo", "2", "--db", db.DatabasePath);

        Assert.Equal(0, undo.ExitCode);
        Assert.Contains("Import 2 undone", undo.Out);
        Assert.Contains("import 1", undo.Out);
        Assert.Equal(60, (await db.Figures.GetSummaryAsync(new FinancialQuarter(2023, 1))).Asb!.Current);

        var unknown = await RunAsync("undo", "99", "--db", db.DatabasePath);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no import 99", unknown.Error);

        var twice = await RunAsync("undo", "2", "--db", db.DatabasePath);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already undone", twice.Error);
    }

    [Fact]
    public async Task The_connection_string_environment_variable_chooses_the_database_when_db_is_not_given()
    {
        const string variable = "ConnectionStrings__CommunitySafety";
        await using var db = await CreateAsync();
        var file = db.WriteFile("q1.csv", TwoYears);
        var chosen = Path.Combine(db.Folder, "from-environment", "chosen.db");
        var before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, $"Data Source={chosen}");
        try
        {
            var import = await RunAsync("import", file);
            var summary = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json");

            Assert.True(import.ExitCode == 0, import.Error);
            Assert.True(File.Exists(chosen), "the database named by the environment variable was created");
            Assert.Equal(60, JsonDocument.Parse(summary.Out).RootElement.GetProperty("asb").GetProperty("current").GetInt32());
            Assert.Equal((0, 0, 0), await db.CountRowsAsync()); // nothing went anywhere else
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
            ClearPool($"Data Source={chosen}");
        }
    }

    [Fact]
    public async Task The_command_line_never_loads_sample_data()
    {
        await using var db = await CreateAsync();
        var fresh = Path.Combine(db.Folder, "new", "fresh.db"); // neither the file nor its folder exists yet
        try
        {
            var run = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json", "--db", fresh);

            Assert.True(run.ExitCode == 0, run.Error);
            var root = JsonDocument.Parse(run.Out).RootElement;
            Assert.Equal(JsonValueKind.Null, root.GetProperty("asb").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("crime").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("domestic").ValueKind);
            Assert.False(root.GetProperty("dataComplete").GetBoolean());
            Assert.Equal(["2022-04", "2022-05", "2022-06", "2023-04", "2023-05", "2023-06"],
                root.GetProperty("missingMonths").EnumerateArray().Select(m => m.GetString()).Order());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("headlines").GetProperty("topCrimeBeat").ValueKind);

            var imports = await RunAsync("imports", "--db", fresh);
            Assert.Contains("No imports yet.", imports.Out);
        }
        finally
        {
            ClearPool($"Data Source={fresh}");
        }
    }

    private static void AssertNames(JsonElement element, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(names.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Every measure carries its counts, change, changePercent, z and significance (real, possible or none).</summary>
    private static void AssertMeasure(JsonElement measure, bool named = false)
    {
        string[] names = ["current", "previous", "change", "changePercent", "z", "significance"];
        AssertNames(measure, named ? ["name", .. names] : names);
        Assert.Equal(JsonValueKind.Number, measure.GetProperty("current").ValueKind);
        Assert.Equal(JsonValueKind.Number, measure.GetProperty("z").ValueKind);
        Assert.Contains(measure.GetProperty("significance").GetString(), new[] { "real", "possible", "none" });
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(Database.NormalizeConnectionString(connectionString));
        SqliteConnection.ClearPool(connection);
    }
}
