using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Meeting;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Tests.Components.ActionPlan;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Meeting;

/// <summary>The meeting's deck as rendered; which key moves where is <see cref="SlideDeckTests"/>' business.</summary>
public sealed class MeetingPageTests : PlanComponentTestContext
{
    private static readonly string[] SlideTitles =
    [
        "Headline figures",
        "ASB by quarter over four years",
        "Crime types",
        "Beats",
        "Priority 1: People",
        "Priority 2: Places",
        "Priority 3: Property",
        "OPCC return: RAG and spend",
    ];

    public MeetingPageTests()
    {
        // The page measures each slide's body, as a browser lays it out, to size its charts, and renders again with
        // the height.
        var module = JSInterop.SetupModule("./Components/Pages/Meeting/MeetingPage.razor.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<int>("height", _ => true).SetResult(700);
    }

    private IRenderedComponent<MeetingPage> Open(string url = "meeting?year=2023-24&quarter=2")
    {
        Render<MudPopoverProvider>();
        GoTo(url);
        var page = Render<MeetingPage>();
        page.WaitForAssertion(() => Assert.Equal("Headline figures", page.Find("#slide-title").TextContent));
        return page;
    }

    private static void Next(IRenderedComponent<MeetingPage> page) => NextButton(page).Click();

    [Fact]
    public void The_counter_and_next_button_know_every_slide_from_the_first_render_even_before_the_slide_is_measured()
    {
        // A browser that has not measured the slide yet (height 0 is what the first measurement gives): no second render.
        var module = JSInterop.SetupModule("./Components/Pages/Meeting/MeetingPage.razor.js");
        module.Setup<int>("height", _ => true).SetResult(0);

        var page = Open();

        Assert.Equal($"1 of {SlideTitles.Length}", page.Find(".slide-counter").TextContent);
        Assert.False(NextButton(page).HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement NextButton(IRenderedComponent<MeetingPage> page) =>
        page.FindAll(".meeting-controls button").Single(b => b.TextContent.Contains("Next", StringComparison.Ordinal));

    [Fact]
    public void The_slides_come_in_the_meetings_order_with_a_counter()
    {
        var page = Open();

        var seen = new List<(string Title, string Counter)>();
        for (var i = 0; i < SlideTitles.Length; i++)
        {
            if (i > 0) Next(page);
            page.WaitForAssertion(() => Assert.Equal($"{i + 1} of {SlideTitles.Length}", page.Find(".slide-counter").TextContent));
            seen.Add((page.Find("#slide-title").TextContent, page.Find(".slide-counter").TextContent));
        }

        Assert.Equal(SlideTitles.Select((title, i) => (title, $"{i + 1} of {SlideTitles.Length}")), seen);
        Assert.True(NextButton(page).HasAttribute("disabled"));
    }

    [Fact]
    public void The_deck_shows_the_period_in_the_address()
    {
        var page = Open();

        Assert.Equal("Harborough Community Safety: Q2 2023-24", page.Find(".meeting-title").TextContent);
        Assert.Contains("Year to date Apr 2023 to Sep 2023", page.Find(".meeting-period").TextContent);
        Assert.All(Figures.SummaryRequests, r => Assert.Equal(new FinancialQuarter(2023, 2), r.Period));
        Assert.Equal("-25.1%", page.Find("[data-measure=ASB] .measure-percent").TextContent);
        for (var i = 1; i < SlideTitles.Length; i++) Next(page);
        page.WaitForAssertion(() => Assert.Equal("The Q2 2023-24 return, and spend against the year's allocation", page.Find(".slide-subtitle").TextContent));
        Assert.Equal("Leave the meeting", page.Find(".meeting-leave").TextContent.Trim());
        Assert.Equal("?year=2023-24&quarter=2", page.Find(".meeting-leave").GetAttribute("href"));
    }

    [Fact]
    public void New_data_redraws_the_slide_on_screen_and_the_deck_stays_on_it()
    {
        var page = Open();
        for (var i = 0; i < 3; i++) Next(page);
        page.WaitForAssertion(() => Assert.Equal("Beats", page.Find("#slide-title").TextContent));
        Assert.Equal("812", DistrictAsb(page));
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat, asbCurrent: 542);

        _ = Notifier.PublishAsync(new DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("542", DistrictAsb(page)));
        Assert.Equal("Beats", page.Find("#slide-title").TextContent);
        Assert.Equal($"4 of {SlideTitles.Length}", page.Find(".slide-counter").TextContent);
    }

    private static string DistrictAsb(IRenderedComponent<MeetingPage> page) =>
        page.Find(".beat-table tr.total td.number").TextContent.Trim();
}
