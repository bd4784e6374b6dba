using System.Text.Json;
using CommunitySafety.Dashboard.Api;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Tests.Data;
using CommunitySafety.Tests.Data.ActionPlan;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Cli;

/// <summary>`plan export` and `plan import` round trips, and GET /api/action-plan's document.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class PlanCommandTests
{
    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("json")]
    public async Task An_export_imported_into_an_empty_database_gives_the_same_plan_back_audited_as_the_command_line(string format)
    {
        await using var source = await TestDatabase.CreateAsync();
        await PlanLoader.LoadIfEmptyAsync(source.DbFactory, TimeProvider.System);
        var file = Path.Combine(source.Folder, $"plan.{format}");
        var export = await RunAsync("plan", "export", "--year", "2023-24", "--format", format, "--quarter", "2", file, "--db", source.DatabasePath);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal($"The 2023-24 action plan was written to {file}.", export.Out.Trim());

        var empty = Path.Combine(source.Folder, "empty.db");
        var dryRun = await RunAsync("plan", "import", file, "--dry-run", "--db", empty);
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("A new plan for 2023-24: 3 priorities, ", dryRun.Out);
        var import = await RunAsync("plan", "import", file, "--db", empty);
        Assert.Equal(0, import.ExitCode);

        var before = Path.Combine(source.Folder, "before.json");
        var after = Path.Combine(source.Folder, "after.json");
        Assert.Equal(0, (await RunAsync("plan", "export", "--year", "2023-24", "--format", "json", before, "--db", source.DatabasePath)).ExitCode);
        Assert.Equal(0, (await RunAsync("plan", "export", "--year", "2023-24", "--format", "json", after, "--db", empty)).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(before), await File.ReadAllTextAsync(after));

        var audit = await RunAsync("audit", "--kind", "plan import", "--json", "--db", empty);
        Assert.Contains("command line (", audit.Out);
        Assert.Contains("Action plan 2023-24 imported from a file", audit.Out);

        var again = await RunAsync("plan", "import", file, "--db", empty);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("importing it changes nothing", again.Out);
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_problem_and_bad_usage_says_how()
    {
        await using var db = await TestDatabase.CreateAsync();
        var file = db.WriteFile("plan.json", """{ "financialYear": "2024-25", "title": "", "priorities": [] }""");

        var refused = await RunAsync("plan", "import", file, "--db", db.DatabasePath);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The plan's title is empty; it is needed.", refused.Error);

        Assert.Equal(2, (await RunAsync("plan", "export", "--year", "2023-24", "--format", "pdf", "x.pdf", "--db", db.DatabasePath)).ExitCode);
        var none = await RunAsync("plan", "export", "--year", "2030-31", "--format", "json", Path.Combine(db.Folder, "x.json"), "--db", db.DatabasePath);
        Assert.Equal((1, "There is no action plan for 2030-31 in this database."), (none.ExitCode, none.Error.Trim()));
    }

    [Fact]
    public async Task The_api_gives_the_plan_with_progress_rag_and_linked_figures_under_stable_names()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var result = await ActionPlanApi.GetPlanAsync("2023-24", "2", database.Plans, database.Files, CancellationToken.None);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);

        using var json = JsonDocument.Parse(body.ToArray());
        var root = json.RootElement;
        Assert.Equal(["financialYear", "quarter", "title", "crossCuttingPriorities", "businessAsUsual", "allocation", "priorities", "projects"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2023-24", 2), (root.GetProperty("financialYear").GetString(), root.GetProperty("quarter").GetInt32()));
        var people = root.GetProperty("priorities")[0];
        Assert.Equal(["number", "name", "description", "focusAreas", "focusNote", "linksToOtherPlans", "funding", "headlineIndicators", "objectives"],
            people.EnumerateObject().Select(p => p.Name));
        var actions = root.GetProperty("priorities").EnumerateArray().SelectMany(p => p.GetProperty("objectives").EnumerateArray())
            .SelectMany(o => o.GetProperty("actions").EnumerateArray()).ToList();
        var cctv = actions.Single(a => a.GetProperty("ref").GetString() == "redeployable-cctv");
        Assert.Equal(["ref", "text", "successMeasures", "lead", "funding", "fundingAmount", "measureNote", "figures", "progress"],
            cctv.EnumerateObject().Select(p => p.Name));
        var asb = cctv.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("label").GetString() == "ASB");
        Assert.Equal(["label", "kind", "name", "of", "beat", "current", "previous", "change", "changePercent", "significance", "trend"],
            asb.EnumerateObject().Select(p => p.Name));
        Assert.Equal("asb", asb.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Number, asb.GetProperty("current").ValueKind);
        Assert.Equal(8, asb.GetProperty("trend").GetArrayLength());

        var wellbeing = actions.Single(a => a.GetProperty("ref").GetString() == "womens-wellbeing-event");
        var progress = wellbeing.GetProperty("progress");
        Assert.Equal(["rag", "note", "measureValues"], progress.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Partners have met and dates have been agreed", progress.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, actions[0].GetProperty("progress").ValueKind);
        var campaigns = root.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Campaigns");
        Assert.Equal(2107m, campaigns.GetProperty("costToDate").GetDecimal());

        var missing = await ActionPlanApi.GetPlanAsync("2030-31", "1", database.Plans, database.Files, CancellationToken.None);
        context = new DefaultHttpContext { RequestServices = context.RequestServices, Response = { Body = new MemoryStream() } };
        await missing.ExecuteAsync(context);
        Assert.Equal(404, context.Response.StatusCode);
    }

    [Fact]
    public async Task The_import_endpoint_previews_imports_and_refuses_with_sentences()
    {
        await using var database = await PlanDatabase.CreateAsync(withSampleData: false);
        var plan = (await database.Files.GetExportAsync("2023-24", null))!.Plan;
        var next = PlanExcelFile.Write(new PlanExport(plan with { FinancialYear = "2024-25", Title = "Plan for 2024-2025" }));

        var (status, body) = await PostAsync(database, next, "plan.xlsx", dryRun: true);
        Assert.Equal(200, status);
        Assert.Equal(("preview", "2024-25"), (body.GetProperty("outcome").GetString(), body.GetProperty("preview").GetProperty("financialYear").GetString()));
        Assert.DoesNotContain("2024-25", await database.Plans.GetYearsAsync());

        (status, body) = await PostAsync(database, next, "plan.xlsx", dryRun: false);
        Assert.Equal((200, "imported"), (status, body.GetProperty("outcome").GetString()));
        Assert.Contains("2024-25", await database.Plans.GetYearsAsync());

        (status, body) = await PostAsync(database, "not a plan"u8.ToArray(), "plan.txt", dryRun: false);
        Assert.Equal((422, "refused"), (status, body.GetProperty("outcome").GetString()));
        Assert.Equal("The file plan.txt is not a Word (.docx) or Excel (.xlsx) file, nor a JSON plan file.", body.GetProperty("problems")[0].GetString());
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(PlanDatabase database, byte[] content, string name, bool dryRun)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        context.Request.ContentType = "multipart/form-data; boundary=x";
        context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "Sam Manager"), new(System.Security.Claims.ClaimTypes.Role, CommunitySafety.Data.Model.Roles.Manager)], "test"));
        var file = new FormFile(new MemoryStream(content), 0, content.Length, "file", name);
        context.Request.Form = new FormCollection([], new FormFileCollection { file });
        var result = await ActionPlanApi.ImportPlanAsync(context, dryRun, database.Files);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone());
    }
}
