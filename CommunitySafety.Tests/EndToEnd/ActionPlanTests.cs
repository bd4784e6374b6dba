using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Its own server, because editing a return changes what the other tests read.</summary>
[Collection(ChangingDataCollection.Name)]
public class ActionPlanTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task The_cctv_action_shows_its_asb_figure_and_a_rag_edited_on_one_page_shows_on_another_without_a_reload()
    {
        var plan = await server.NewPageAsync();
        await Pages.OpenAsync(plan, Pages.ActionPlan);
        var cctv = plan.Locator(".plan-action", new() { HasText = "re –deployable CCTV" });
        await Expect(cctv.Locator("[data-measure=ASB] .change-percent")).ToHaveTextAsync("-25.1%");
        await Expect(cctv.Locator("[data-measure=ASB]")).ToContainTextAsync("Real change");

        var watcher = await server.NewPageAsync();
        await Pages.OpenAsync(watcher, Pages.QuarterlyReturn);
        var watchedRag = watcher.Locator("tr.return-row[data-project='Re-deployable CCTV'] .rag-label");
        await Expect(watchedRag).ToHaveTextAsync("Not rated");
        await watcher.EvaluateAsync("() => window.stillTheSamePage = true");

        var editor = await server.NewPageAsync(role: "Manager");
        await Pages.OpenAsync(editor, Pages.QuarterlyReturn);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Edit the row for Re-deployable CCTV" }).ClickAsync();
        await editor.GetByRole(AriaRole.Radio, new() { Name = "Amber: partially achieved" }).CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save the return" }).ClickAsync();
        await Expect(editor.Locator("tr.return-row[data-project='Re-deployable CCTV'] .rag-label")).ToHaveTextAsync("Amber");

        await Expect(watchedRag).ToHaveTextAsync("Amber");
        await Expect(watcher.Locator("tr.return-row[data-project='Re-deployable CCTV'] .return-saved")).ToContainTextAsync("Saved by Test Manager");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page was reloaded.");
        await watcher.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "opcc-return-after-live-edit.png"), FullPage = true });
    }

    [Fact]
    public async Task The_return_downloads_as_xlsx_and_csv()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        using var xlsx = await http.GetAsync("/api/action-plan/return.xlsx?year=2023-24&quarter=2");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("opcc-return-2023-24-Q2.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);

        var csv = await http.GetStringAsync("/api/action-plan/return.csv?year=2023-24&quarter=2");
        Assert.StartsWith("1) What is the project or initiative?,", csv.TrimStart('\uFEFF'));
        Assert.Contains("Campaigns,", csv);

        using var missing = await http.GetAsync("/api/action-plan/return.csv?year=2023-24&quarter=4");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("There is no Q4 return for 2023-24 yet.", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lead_updates_their_action_on_a_phone_sized_page()
    {
        var phone = await server.NewPageAsync(width: 360, height: 740, role: "Lead");
        await Pages.OpenAsync(phone, Pages.MyActions);
        var action = phone.Locator("li.my-action:not(.my-project)").First;
        await Expect(action.Locator(".my-action-missing")).ToContainTextAsync("No RAG status.");

        await action.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Update the progress of") }).ClickAsync();
        await action.GetByRole(AriaRole.Radio, new() { Name = "Green: achieved so far" }).CheckAsync();
        await action.GetByLabel("Progress note").FillAsync("Forty residents reached at the Lutterworth event");
        await action.GetByRole(AriaRole.Button, new() { Name = "Save the progress" }).ClickAsync();

        await Expect(action.Locator(".progress-status-label")).ToHaveTextAsync("Green");
        await Expect(action.Locator(".my-action-note")).ToHaveTextAsync("Forty residents reached at the Lutterworth event");
        await Expect(action.Locator(".my-action-missing")).ToHaveCountAsync(0);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 360 px.");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotDirectory, "my-actions-360.png"), FullPage = true });
    }
}
