using Bunit;
using CommunitySafety.Dashboard.Components.Pages.QuarterlyReturn;
using CommunitySafety.Data;
using CommunitySafety.Data.ActionPlan;
using MudBlazor;

namespace CommunitySafety.Tests.Components.ActionPlan;

public sealed class QuarterlyReturnPageTests : PlanComponentTestContext
{
    private IRenderedComponent<QuarterlyReturnPage> Open(string url = "action-plan/return?year=2023-24&quarter=2")
    {
        Render<MudPopoverProvider>();
        GoTo(url);
        var page = Render<QuarterlyReturnPage>();
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll("tr.return-row").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<QuarterlyReturnPage> page, string project) =>
        page.FindAll("tr.return-row").Single(r => r.GetAttribute("data-project") == project);

    [Fact]
    public void The_quarter_is_one_table_in_the_opccs_eight_numbered_columns()
    {
        var page = Open();

        Assert.Equal(OpccReturnLayout.Headings, page.FindAll(".opcc-return thead th").Select(th => th.TextContent));
        var campaigns = RowOf(page, "Campaigns");
        Assert.Equal("£2,107.00", campaigns.QuerySelector(".return-cost")!.TextContent);
        Assert.Equal("Not rated", campaigns.QuerySelector(".rag-label")!.TextContent);
        Assert.Equal("£34,950.75", page.Find(".spend-remaining").TextContent);
        Assert.Contains("Spend by the end of Q2 2023-24", page.Markup);
    }

    [Fact]
    public void A_wrong_cost_is_answered_with_a_sentence_and_nothing_is_saved()
    {
        var page = Open();
        RowOf(page, "Target Hardening").QuerySelector("button.return-edit")!.Click();

        page.Find(".return-cost input").Change("lots");
        page.Find("form.return-editor").Submit();

        page.WaitForAssertion(() => Assert.Contains(
            "The cost to date 'lots' is not an amount of money: write it in pounds, such as 2107 or 2,107.50.", page.Find(".return-problems").TextContent));
        Assert.Equal(1, Row(2, "Target Hardening").Version);
    }

    [Fact]
    public void A_saved_edit_shows_its_rag_word_and_who_saved_it()
    {
        var page = Open();
        RowOf(page, "Target Hardening").QuerySelector("button.return-edit")!.Click();

        page.Find(".return-cost input").Change("150");
        page.FindAll(".return-rag label.mud-radio").Single(l => l.TextContent.Trim().StartsWith("Amber", StringComparison.Ordinal))
            .QuerySelector("input")!.Click();
        page.Find("form.return-editor").Submit();

        page.WaitForAssertion(() => Assert.Equal("Amber", RowOf(page, "Target Hardening").QuerySelector(".rag-label")!.TextContent));
        var row = RowOf(page, "Target Hardening");
        Assert.Equal("£150.00", row.QuerySelector(".return-cost")!.TextContent);
        Assert.StartsWith($"Saved by {Officer}", row.QuerySelector(".return-saved")!.TextContent);
        Assert.Empty(page.FindAll("form.return-editor"));
    }

    [Fact]
    public void An_earlier_quarter_is_shown_as_sent_with_no_edit_buttons()
    {
        var page = Open("action-plan/return?year=2023-24&quarter=1");

        Assert.Empty(page.FindAll("button.return-edit"));
        Assert.Contains("has been sent to the OPCC and is kept as it was sent", page.Find(".return-status").TextContent);
        Assert.Equal("£640.00", RowOf(page, "Campaigns").QuerySelector(".return-cost")!.TextContent);
    }

    [Fact]
    public async Task Another_officers_save_shows_on_the_open_page()
    {
        var page = Open();
        var row = Row(2, "Bystander Training");
        var edit = new ReturnEdit(row.ProjectId, 2, row.Version, row.Row.Rationale, row.Row.ActivitiesToDate, row.Row.SuccessMeasuresProposed,
            row.Row.SuccessToDate, null, null, "Green", "Four sessions booked");
        Assert.True((await Plans.SaveReturnAsync("2023-24", edit, CommunitySafety.Tests.Data.TestPeople.Manager("Another officer"))).Saved);

        await Notifier.PublishAsync(new DataChange("Q2 return for Bystander Training updated", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("Green", RowOf(page, "Bystander Training").QuerySelector(".rag-label")!.TextContent));
    }

    private ReturnRowView Row(int quarter, string project) =>
        Plans.GetReturnsAsync("2023-24").Result!.Quarters.Single(q => q.Quarter == quarter).Rows.Single(r => r.Row.Project == project);

    [Fact]
    public void A_mistyped_quarter_in_the_address_shows_the_open_quarter()
    {
        var page = Open("action-plan/return?year=2023-24&quarter=x");

        Assert.Equal("£2,107.00", RowOf(page, "Campaigns").QuerySelector(".return-cost")!.TextContent);
    }
}
