using CommunitySafety.Dashboard.Api;
using CommunitySafety.Dashboard.Cli;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Cli;

/// <summary>`import --area`, `summary --area` and GET /api/summary?area= (areas-and-rates.md).</summary>
[Collection(nameof(ConsoleCollection))]
public class AreasCommandLineTests
{
    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    /// <summary>What the endpoint writes, status and body.</summary>
    private static async Task<(int Status, string Body)> ApiAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task An_extract_imported_for_an_area_gives_that_areas_summary_the_same_on_the_command_line_and_the_api()
    {
        await using var db = await CreateAsync();
        var home = db.WriteFile("home.csv", Lines("Month,Beat,Category,Count", "2022-04,North,ASB,10", "2023-04,North,ASB,8"));
        var blaby = db.WriteFile("blaby.csv", Lines("Month,Beat,Category,Count", "2022-04,Town,ASB,20", "2023-04,Town,ASB,25"));
        Assert.Equal(0, (await RunAsync("import", home, "--db", db.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("import", blaby, "--area", "Blaby", "--db", db.DatabasePath)).ExitCode);

        var cli = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--area", "Blaby", "--json", "--db", db.DatabasePath);
        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("\"area\": \"Blaby\"", cli.Out);
        Assert.Contains("\"current\": 25", cli.Out);

        var api = await ApiAsync(await DashboardApi.GetSummaryAsync("2023-24", "1", null, "Blaby", db.Figures, CancellationToken.None));
        Assert.Equal(200, api.Status);
        Assert.Equal(cli.Out.Trim(), api.Body.Trim());

        // Without an area: the home area, as before.
        var homeSummary = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--json", "--db", db.DatabasePath);
        Assert.Contains("\"area\": \"Harborough\"", homeSummary.Out);
        Assert.Contains("\"current\": 8", homeSummary.Out);
    }

    [Fact]
    public async Task An_area_not_held_is_refused_with_a_sentence_naming_the_areas()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("home.csv", Lines("Month,Beat,Category,Count", "2023-04,North,ASB,8")));

        var cli = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--area", "Blabby", "--db", db.DatabasePath);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("There is no area called Blabby in this database. The areas are Harborough.", cli.Error);

        var api = await ApiAsync(await DashboardApi.GetSummaryAsync("2023-24", "1", null, "Blabby", db.Figures, CancellationToken.None));
        Assert.Equal(400, api.Status);
        Assert.Contains("area 'Blabby' is not an area the dashboard holds; the areas are Harborough.", api.Body);
    }

    [Fact]
    public async Task Compare_json_is_the_api_document_with_rates_intervals_ranks_and_the_verdict_worked_by_hand()
    {
        await using var db = await CreateAsync(include: ["*"]);
        string Extract(string name, int count) => db.WriteFile(name + ".csv", Lines("Month,Beat,Category,Count", $"2022-04,Town,ASB,1", $"2023-04,Town,ASB,{count}"));
        Assert.Equal(0, (await RunAsync("import", Extract("home", 9), "--db", db.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("import", Extract("blaby", 4), "--area", "Blaby", "--db", db.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("import", Extract("melton", 40), "--area", "Melton", "--db", db.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("import", Extract("rutland", 7), "--area", "Rutland", "--db", db.DatabasePath)).ExitCode);
        var population = db.WriteFile("population.csv", Lines("Area,Year,Population", "Harborough,2023,4500", "Blaby,2023,3000", "Melton,2023,5000"));
        // The deployment keeps every area (Areas:Include=*), so the population of each is kept.
        Environment.SetEnvironmentVariable("Areas__Include", "*");
        CommandLineRun imported;
        try
        {
            imported = await RunAsync("import-population", population, "--db", db.DatabasePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Areas__Include", null);
        }
        Assert.True(imported.ExitCode == 0, imported.Error);

        var cli = await RunAsync("compare", "--year", "2023-24", "--quarter", "1", "--measure", "asb", "--json", "--db", db.DatabasePath);
        Assert.True(cli.ExitCode == 0, cli.Error);
        var api = await ApiAsync(await DashboardApi.GetComparisonAsync("2023-24", "1", "asb", null, null, db.Figures, CancellationToken.None));
        Assert.Equal(200, api.Status);
        Assert.Equal(cli.Out.Trim(), api.Body.Trim());

        using var json = System.Text.Json.JsonDocument.Parse(cli.Out);
        var root = json.RootElement;
        var area = root.GetProperty("area");
        // Harborough: 9 / 4,500 x 1,000 = 2.00. Byar, O = 9: lower = 9 x (1 - 1/81 - 1.96/9)^3 = 9 x 0.769877^3 = 4.1069,
        // / 4,500 x 1,000 = 0.91; upper = 10 x (1 - 1/90 + 1.96/(3 sqrt 10))^3 = 10 x 1.195489^3 = 17.086, / 4,500 x 1,000 = 3.80.
        Assert.Equal(2.0, area.GetProperty("rate").GetDouble());
        Assert.Equal(0.91, area.GetProperty("lower95").GetDouble());
        Assert.Equal(3.8, area.GetProperty("upper95").GetDouble());
        Assert.Equal(4500, area.GetProperty("population").GetInt64());
        // Group (every other area): (4 + 40) / (3,000 + 5,000) x 1,000 = 5.50; Rutland has no population: left out and named.
        var group = root.GetProperty("group");
        Assert.Equal(["Blaby", "Melton", "Rutland"], group.GetProperty("areas").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5.5, group.GetProperty("rate").GetDouble());
        Assert.Equal(44, group.GetProperty("current").GetInt32());
        Assert.Equal(["Rutland"], group.GetProperty("withoutPopulation").EnumerateArray().Select(e => e.GetString()));
        // 5.50 is above Harborough's upper limit 3.80: lower. Ranks: Melton 8.00 first, Harborough 2.00, Blaby 1.33; Rutland none.
        Assert.Equal("lower", root.GetProperty("verdict").GetString());
        Assert.Equal(2, area.GetProperty("rank").GetInt32());
        var ranks = root.GetProperty("areas").EnumerateArray().ToDictionary(a => a.GetProperty("area").GetString()!, a => a.GetProperty("rank"));
        Assert.Equal(3, ranks["Blaby"].GetInt32());
        Assert.Equal(1, ranks["Melton"].GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ranks["Rutland"].ValueKind);
        Assert.Equal("2023-24", root.GetProperty("financialYear").GetString());
        Assert.Equal("asb", root.GetProperty("measure").GetString());

        // A group given in the request, and the same from the command line.
        var given = await RunAsync("compare", "--year", "2023-24", "--quarter", "1", "--measure", "asb", "--area", "Blaby", "--group", "Harborough", "--json", "--db", db.DatabasePath);
        var givenApi = await ApiAsync(await DashboardApi.GetComparisonAsync("2023-24", "1", "asb", "Blaby", "Harborough", db.Figures, CancellationToken.None));
        Assert.Equal(given.Out.Trim(), givenApi.Body.Trim());
        Assert.Contains("\"verdict\": \"similar\"", given.Out);

        var words = await RunAsync("compare", "--year", "2023-24", "--quarter", "1", "--measure", "asb", "--db", db.DatabasePath);
        Assert.Contains("Harborough's ASB rate, 2.00 per 1,000 residents, is lower than its group's, 5.50.", words.Out);

        var unknown = await RunAsync("compare", "--year", "2023-24", "--quarter", "1", "--measure", "asb", "--group", "Blabby", "--db", db.DatabasePath);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Area 'Blabby' is not an area the dashboard holds", unknown.Error);
    }

    [Fact]
    public async Task The_group_a_manager_chose_is_kept_and_used_until_cleared()
    {
        await using var db = await CreateAsync();
        foreach (var (area, count) in new[] { ("Blaby", 4), ("Melton", 5), ("Rutland", 6) })
            Assert.Equal(0, (await RunAsync("import", db.WriteFile(area + ".csv", Lines("Month,Beat,Category,Count", $"2023-04,Town,ASB,{count}")), "--area", area, "--db", db.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("import", db.WriteFile("home.csv", Lines("Month,Beat,Category,Count", "2023-04,Town,ASB,3")), "--db", db.DatabasePath)).ExitCode);

        var chosen = await RunAsync("compare-group", "--group", "melton, Blaby, Harborough", "--db", db.DatabasePath);
        Assert.Equal(0, chosen.ExitCode);
        Assert.Contains("Harborough is compared with Blaby and Melton.", chosen.Out);
        Assert.Equal(["Blaby", "Melton"], await db.Figures.GetGroupAsync(null));

        var compared = await db.Figures.GetComparisonAsync(new CommunitySafety.Data.Figures.ComparisonRequest(new(2023, 1), "asb"));
        Assert.Equal(["Blaby", "Melton"], compared.Group.Areas);
        // A group given in the request wins over the one kept.
        Assert.Equal(["Rutland"], (await db.Figures.GetComparisonAsync(new(new(2023, 1), "asb", Group: ["Rutland"]))).Group.Areas);

        Assert.Equal(0, (await RunAsync("compare-group", "--clear", "--db", db.DatabasePath)).ExitCode);
        Assert.Null(await db.Figures.GetGroupAsync(null));
        Assert.Equal(["Blaby", "Melton", "Rutland"], (await db.Figures.GetComparisonAsync(new(new(2023, 1), "asb"))).Group.Areas);

        // Both choices are in the audit trail as the command line's.
        var audit = await new CommunitySafety.Data.Audit.AuditLog(db.DbFactory, TimeProvider.System)
            .QueryAsync(new(Kind: CommunitySafety.Data.Audit.AuditKinds.ComparisonGroup));
        Assert.Equal(["Harborough compared with every other area", "Harborough compared with Blaby and Melton"], audit.Select(a => a.What));
        Assert.All(audit, a => Assert.StartsWith("command line", a.Person));

        var unknown = await RunAsync("compare-group", "--group", "Leicester", "--db", db.DatabasePath);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Area 'Leicester' is not an area the dashboard holds", unknown.Error);
    }
}
