using System.Security.Claims;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Measures;
using CommunitySafety.Dashboard.Components.Pages.MyActions;
using CommunitySafety.Dashboard.Components.Pages.PlanEditor;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Data;
using MudBlazor;

namespace CommunitySafety.Tests.Components.ActionPlan;

/// <summary>My actions, the plan editor and the measures page, on the real plan service and the 2023-24 plan.</summary>
public sealed class PlanWorkingPagesTests : PlanComponentTestContext
{
    private void SignInAsLead(string leadName)
    {
        Authorization.SetRoles(Roles.Lead);
        Authorization.SetPolicies(Policies.View, Policies.EditReturns);
        Authorization.SetClaims(new Claim(AccessClaims.LeadName, leadName));
    }

    private IRenderedComponent<MyActionsPage> OpenMyActions()
    {
        Render<MudPopoverProvider>();
        GoTo("my-actions?year=2023-24");
        var page = Render<MyActionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("li.my-action")));
        return page;
    }

    [Fact]
    public async Task A_lead_sees_only_their_actions_and_updates_one_with_its_status_in_words()
    {
        SignInAsLead("CS Team");
        var page = OpenMyActions();

        var expected = (await Plans.GetProgressAsync("2023-24"))!.Actions.Count(a => LeadNames.Matches(a.Lead, "CS Team"));
        Assert.Equal(expected, page.FindAll("li.my-action:not(.my-project)").Count);
        Assert.Empty(page.FindAll(".not-updated-table"));
        var first = page.FindAll("li.my-action:not(.my-project)")[0];
        var id = int.Parse(first.GetAttribute("data-action-id")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("No RAG status.", first.QuerySelector(".my-action-missing")!.TextContent);

        first.QuerySelector("button")!.Click();
        page.FindAll(".progress-status label.mud-radio").Single(l => l.TextContent.Trim().StartsWith("Amber", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        page.Find(".progress-note textarea").Change("Two sessions held in July");
        page.Find("form.progress-editor").Submit();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("form.progress-editor")));
        var updated = page.FindAll("li.my-action").Single(li => li.GetAttribute("data-action-id") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Amber", updated.QuerySelector(".progress-status-label")!.TextContent);
        Assert.Equal("Two sessions held in July", updated.QuerySelector(".my-action-note")!.TextContent);
        Assert.Null(updated.QuerySelector(".my-action-missing"));
    }

    [Fact]
    public void A_manager_sees_who_has_not_updated_and_closes_the_quarter()
    {
        var page = OpenMyActions();

        Assert.Contains("CS Team", page.Find(".not-updated-table").TextContent);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Close Q2…").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Close Q2").Click();

        page.WaitForAssertion(() => Assert.Contains("Q3 2023-24 is open", page.Find(".page-period").TextContent));
        Assert.Contains("Status and note not updated since last quarter.", page.Find(".my-action-missing").TextContent);
    }

    [Fact]
    public async Task The_manager_changes_an_actions_lead_in_the_editor_and_its_history_shows_before_and_after()
    {
        Render<MudPopoverProvider>();
        GoTo("action-plan/edit?year=2023-24");
        var page = Render<PlanEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("li.plan-action")));
        Assert.Contains("suggested figures not yet confirmed", page.Find(".links-unconfirmed-count").TextContent);

        var action = page.FindAll("li.plan-action")[0];
        var id = action.GetAttribute("data-action-id");
        action.QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label")!.StartsWith("Edit the action", StringComparison.Ordinal)).Click();
        var lead = page.FindAll("form.plan-item-editor .mud-input-control").Single(c => c.QuerySelector("label")?.TextContent == "Lead");
        lead.QuerySelector("input")!.Change("Police");
        page.Find("form.plan-item-editor").Submit();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("form.plan-item-editor")));
        Action(page, id).QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label")!.StartsWith("History of the action", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains("Lead from “DA Link Worker” to “Police”", Words(Action(page, id).QuerySelector(".plan-history")!.TextContent)));
        Assert.Equal("Police", (await Plans.GetEditorAsync("2023-24"))!.Priorities[0].Objectives[0].Actions[0].Lead);
    }

    private static AngleSharp.Dom.IElement Action(IRenderedComponent<PlanEditorPage> page, string? id) =>
        page.FindAll("li.plan-action").Single(li => li.GetAttribute("data-action-id") == id);

    [Fact]
    public async Task A_measure_shows_as_a_chart_with_its_table_and_its_change_against_a_year_before()
    {
        var manager = TestPeople.Manager("Mo Manager");
        var action = (await Plans.GetProgressAsync("2023-24"))!.Actions[0];
        Assert.True((await Plans.AddMeasureAsync("2023-24", action.ActionId, "Referrals made", manager)).Saved);
        var measureId = (await Plans.GetProgressAsync("2023-24"))!.Actions[0].Measures.Single().MeasureId;
        Assert.True((await Plans.SaveProgressAsync("2023-24", new ProgressEdit(action.ActionId, 2, 0, "Green", "ok", new Dictionary<int, string?> { [measureId] = "12" }), manager)).Saved);

        Render<MudPopoverProvider>();
        GoTo("action-plan/measures?year=2023-24&quarter=2");
        var page = Render<MeasuresPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".partnership-measure")));

        Assert.Contains("Q2 2023-24: 12; none was recorded for Q2 2022-23 to compare with.", page.Find(".partnership-measure").TextContent);
        page.Find(".partnership-measure .show-table-switch input").Change(true);
        page.WaitForAssertion(() => Assert.Contains("Q2 2023-24", page.Find(".chart-table").TextContent));
        Assert.Contains(page.FindAll(".chart-table td"), td => td.TextContent == "12");
    }
}
