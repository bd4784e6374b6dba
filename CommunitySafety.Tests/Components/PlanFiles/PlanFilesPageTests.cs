using Bunit;
using CommunitySafety.Dashboard.Components.Pages.PlanFiles;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Components.ActionPlan;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySafety.Tests.Components.PlanFiles;

public sealed class PlanFilesPageTests : PlanComponentTestContext
{
    private IRenderedComponent<PlanFilesPage> Open()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan/files?year=2023-24");
        var page = Render<PlanFilesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".plan-file-downloads a")));
        return page;
    }

    private async Task<byte[]> NextYearsPlanAsync()
    {
        var plan = (await Services.GetRequiredService<IPlanFiles>().GetExportAsync("2023-24", null))!.Plan;
        return PlanExcelFile.Write(new PlanExport(plan with { FinancialYear = "2024-25", Title = "Action Plan for 2024-2025" }));
    }

    [Fact]
    public void Anyone_may_download_the_plan_as_word_excel_or_json()
    {
        var page = Open();

        Assert.Equal(
            ["api/action-plan/plan.docx?year=2023-24", "api/action-plan/plan.xlsx?year=2023-24", "api/action-plan/plan.json?year=2023-24"],
            page.FindAll(".plan-file-downloads a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_manager_sees_what_a_new_years_plan_would_add_and_imports_it()
    {
        var file = await NextYearsPlanAsync();
        var page = Open();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "plan-2024-25.xlsx"));

        page.WaitForAssertion(() => Assert.Contains("A new plan for 2024-25: 3 priorities", page.Markup));
        page.FindAll("button").Single(b => b.TextContent.Contains("Import the 2024-25 plan", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains("The 2024-25 plan has been imported.", page.Find(".plan-file-status").TextContent));
        Assert.Contains("2024-25", await Plans.GetYearsAsync());
    }

    [Fact]
    public void A_file_that_is_not_a_plan_is_refused_with_its_sentence()
    {
        var page = Open();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Month,Beat\n2023-04,North\n", "beats.csv"));

        page.WaitForAssertion(() => Assert.Contains(
            "The file beats.csv is not a Word (.docx) or Excel (.xlsx) file, nor a JSON plan file.", page.Find("[role='alert']").TextContent));
        Assert.DoesNotContain("Import the", page.Markup);
    }

    [Fact]
    public void A_viewer_is_not_offered_the_upload()
    {
        Authorization.SetRoles(Roles.Viewer);
        Authorization.SetPolicies(Policies.View);

        var page = Open();

        Assert.Empty(page.FindComponents<InputFile>());
    }
}
