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
    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (capturedOut, capturedError) = (new StringWriter(), new StringWriter());
        Console.SetOut(capturedOut);
        Console.SetError(capturedError);
        try
        {
            var code = await CommandLine.RunAsync(args);
            return (code, capturedOut.ToString(), capturedError.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

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
        Assert.Equal(0, (await RunAsync("import", home, "--db", db.DatabasePath)).Code);
        Assert.Equal(0, (await RunAsync("import", blaby, "--area", "Blaby", "--db", db.DatabasePath)).Code);

        var cli = await RunAsync("summary", "--year", "2023-24", "--quarter", "1", "--area", "Blaby", "--json", "--db", db.DatabasePath);
        Assert.Equal(0, cli.Code);
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
        Assert.Equal(1, cli.Code);
        Assert.Contains("There is no area called Blabby in this database. The areas are Harborough.", cli.Error);

        var api = await ApiAsync(await DashboardApi.GetSummaryAsync("2023-24", "1", null, "Blabby", db.Figures, CancellationToken.None));
        Assert.Equal(400, api.Status);
        Assert.Contains("area 'Blabby' is not an area the dashboard holds; the areas are Harborough.", api.Body);
    }
}
