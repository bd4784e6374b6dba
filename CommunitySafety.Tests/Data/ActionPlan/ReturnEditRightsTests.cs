using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Data;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>Who may change the OPCC return, checked by the service itself (not only by the page's buttons).</summary>
public class ReturnEditRightsTests
{
    private static ReturnEdit EditOf(ReturnRowView row, string rag) => new(
        row.ProjectId, row.Quarter, row.Version, row.Row.Rationale, row.Row.ActivitiesToDate, row.Row.SuccessMeasuresProposed,
        row.Row.SuccessToDate, row.Row.CostToDate?.ToString(), row.Row.CostBreakdown, rag, row.Row.Notes);

    [Fact]
    public async Task A_lead_edits_only_the_rows_of_projects_they_lead_and_a_manager_edits_every_row()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var rows = (await database.Plans.GetReturnsAsync("2023-24"))!.Quarters.Single(q => q.Quarter == 2).Rows;
        var theirs = rows.First(r => LeadNames.Matches(r.Lead, "CS Team"));
        var notTheirs = rows.First(r => r.Lead is not null && !LeadNames.Matches(r.Lead, "CS Team"));

        var ownRow = await database.Plans.SaveReturnAsync("2023-24", EditOf(theirs, "Green"), TestPeople.Lead("Lee Lead", "cs team"));
        Assert.True(ownRow.Saved, string.Join(" ", ownRow.Problems));

        var otherRow = await database.Plans.SaveReturnAsync("2023-24", EditOf(notTheirs, "Green"), TestPeople.Lead("Lee Lead", "CS Team"));
        Assert.False(otherRow.Saved);
        Assert.StartsWith($"Only a Manager or the project's lead ({notTheirs.Lead}) can change the row of", Assert.Single(otherRow.Problems));

        var viewer = await database.Plans.SaveReturnAsync("2023-24", EditOf(notTheirs, "Red"), TestPeople.Viewer("Val Viewer"));
        Assert.False(viewer.Saved);

        var manager = await database.Plans.SaveReturnAsync("2023-24", EditOf(notTheirs, "Amber"), TestPeople.Manager("Mo Manager"));
        Assert.True(manager.Saved, string.Join(" ", manager.Problems));
    }

    [Fact]
    public async Task Only_a_manager_starts_a_quarter_or_a_year()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var lead = new Person(null, "Lee Lead", "CS Team", [Roles.Lead, Roles.Analyst]);

        Assert.Equal("Only a Manager can start a quarter's return or a year's plan.", Assert.Single((await database.Plans.StartNextQuarterAsync("2023-24", lead)).Problems));
        Assert.False((await database.Plans.StartNextYearAsync("2023-24", lead)).Saved);
        Assert.Equal(2, (await database.Plans.GetReturnsAsync("2023-24"))!.OpenQuarter);

        Assert.True((await database.Plans.StartNextQuarterAsync("2023-24", TestPeople.Manager("Mo Manager"))).Saved);
    }

    [Theory]
    [InlineData("CS Team", "CS Team", true)]
    [InlineData("CS Team/Police", "cs team", true)]
    [InlineData("LFRS & CS Team", "CS Team", true)]
    [InlineData("Police and CS", "CS", true)]
    [InlineData("Police", "CS Team", false)]
    [InlineData("CS Team", null, false)]
    [InlineData(null, "CS Team", false)]
    public void A_lead_name_matches_the_plan_lead_or_one_of_the_leads_it_names(string? planLead, string? leadName, bool matches) =>
        Assert.Equal(matches, LeadNames.Matches(planLead, leadName));
}
