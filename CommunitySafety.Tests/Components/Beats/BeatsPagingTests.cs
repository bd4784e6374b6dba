using AngleSharp.Dom;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Data.Figures;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Beats;

/// <summary>A district of more beats than fit on one page: fifty at a time, found by part of a name, and said so to a screen reader.</summary>
public sealed class BeatsPagingTests : ComponentTestContext
{
    /// <summary>Beat 001 to Beat 120, Beat 001 with the most ASB, and the district's total.</summary>
    private IRenderedComponent<BeatsPage> OpenWithBeats(int count)
    {
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with
        {
            Beats = [.. Enumerable.Range(1, count).Select(n => new BeatMeasures($"Beat {n:000}", TestFigures.Measure(1000 - n, 900), TestFigures.Measure(n, n), null))],
        };
        Render<MudPopoverProvider>();
        GoTo("beats?year=2023-24&quarter=2");
        var page = Render<BeatsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".beats-table tbody tr")));
        return page;
    }

    private static IReadOnlyList<string> Beats(IRenderedComponent<BeatsPage> page) =>
        page.FindAll(".beats-table tbody tr").Select(r => r.QuerySelector("td[data-label='Beat']")!.TextContent.Trim()).ToList();

    private static string Status(IRenderedComponent<BeatsPage> page) => page.Find(".beats-status[role=status]").TextContent.Trim();

    private static IElement PageButton(IRenderedComponent<BeatsPage> page, string label) =>
        page.FindAll("nav.beats-pager button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == label);

    [Fact]
    public void A_district_of_120_beats_shows_the_first_fifty_and_says_which_they_are()
    {
        var page = OpenWithBeats(120);

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"Beat {n:000}"), Beats(page));
        Assert.Equal("Showing beats 1 to 50 of 120.", Status(page));
        Assert.Equal("Pages of beats", page.Find("nav.beats-pager").GetAttribute("aria-label"));
        Assert.Equal("page", PageButton(page, "Page 1").GetAttribute("aria-current"));
        Assert.Equal("true", PageButton(page, "Previous page").GetAttribute("aria-disabled"));
        Assert.Null(PageButton(page, "Next page").GetAttribute("aria-disabled"));
        // The district's total stays the whole district's, whatever page is shown.
        Assert.Contains("Harborough district", page.Find(".beats-table tfoot").TextContent);
    }

    [Fact]
    public void Next_and_a_page_number_move_through_the_beats_and_the_last_page_holds_what_is_left()
    {
        var page = OpenWithBeats(120);

        PageButton(page, "Next page").Click();
        Assert.Equal(Enumerable.Range(51, 50).Select(n => $"Beat {n:000}"), Beats(page));
        Assert.Equal("Showing beats 51 to 100 of 120.", Status(page));
        Assert.Null(PageButton(page, "Page 1").GetAttribute("aria-current"));
        Assert.Equal("page", PageButton(page, "Page 2").GetAttribute("aria-current"));

        PageButton(page, "Page 3").Click();
        Assert.Equal(Enumerable.Range(101, 20).Select(n => $"Beat {n:000}"), Beats(page));
        Assert.Equal("Showing beats 101 to 120 of 120.", Status(page));
        Assert.Equal("true", PageButton(page, "Next page").GetAttribute("aria-disabled"));

        PageButton(page, "Next page").Click(); // nowhere further: stays on the last page
        Assert.Equal("Showing beats 101 to 120 of 120.", Status(page));

        PageButton(page, "Previous page").Click();
        Assert.Equal("Showing beats 51 to 100 of 120.", Status(page));
    }

    [Fact]
    public void A_sort_orders_every_beat_before_paging_and_starts_again_at_the_first_page()
    {
        var page = OpenWithBeats(120);
        PageButton(page, "Page 2").Click();

        page.FindAll(".beats-table thead th button").Single(b => b.TextContent.Trim() == "Crime").Click();
        page.FindAll(".beats-table thead th button").Single(b => b.TextContent.Trim() == "Crime").Click(); // highest first

        Assert.Equal(Enumerable.Range(71, 50).Select(n => $"Beat {n:000}").Reverse(), Beats(page));
        Assert.Equal("Showing beats 1 to 50 of 120.", Status(page));
    }

    [Fact]
    public void Part_of_a_name_finds_the_beats_that_contain_it_whatever_its_case_across_every_page()
    {
        var page = OpenWithBeats(120);
        PageButton(page, "Page 3").Click();

        page.Find("#beats-find").Input("beat 11");

        Assert.Equal(["Beat 110", "Beat 111", "Beat 112", "Beat 113", "Beat 114", "Beat 115", "Beat 116", "Beat 117", "Beat 118", "Beat 119"], Beats(page));
        Assert.Equal("Showing beats 1 to 10 of the 10 whose name contains \"beat 11\".", Status(page));
        Assert.Empty(page.FindAll("nav.beats-pager"));

        page.Find("#beats-find").Input("Nowhere");
        Assert.Empty(Beats(page));
        Assert.Equal("No beat's name contains \"Nowhere\".", Status(page));

        page.Find("#beats-find").Input("  ");
        Assert.Equal("Showing beats 1 to 50 of 120.", Status(page));
    }

    [Fact]
    public void When_a_change_of_data_leaves_fewer_pages_the_page_shown_is_the_last_there_is()
    {
        var page = OpenWithBeats(120);
        PageButton(page, "Page 3").Click();
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with
        {
            Beats = [.. Enumerable.Range(1, 80).Select(n => new BeatMeasures($"Beat {n:000}", TestFigures.Measure(n, n), null, null))],
        };

        _ = Notifier.PublishAsync(new CommunitySafety.Data.DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("Showing beats 51 to 80 of 80.", Status(page)));
        Assert.Equal(Enumerable.Range(51, 30).Select(n => $"Beat {n:000}"), Beats(page));

        // The beats back: the page shown stays the one the reader was on, not the third they left a change ago.
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with
        {
            Beats = [.. Enumerable.Range(1, 120).Select(n => new BeatMeasures($"Beat {n:000}", TestFigures.Measure(n, n), null, null))],
        };
        _ = Notifier.PublishAsync(new CommunitySafety.Data.DataChange("Q2 2023-24 data imported again", DateTimeOffset.UtcNow));
        page.WaitForAssertion(() => Assert.Equal("Showing beats 51 to 100 of 120.", Status(page)));
    }

    [Fact]
    public void When_a_change_of_data_leaves_beats_that_fit_on_one_page_a_search_typed_before_no_longer_hides_any()
    {
        var page = OpenWithBeats(120);
        page.Find("#beats-find").Input("beat 11");
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with
        {
            Beats = [.. Enumerable.Range(1, 40).Select(n => new BeatMeasures($"Beat {n:000}", TestFigures.Measure(n, n), null, null))],
        };

        _ = Notifier.PublishAsync(new CommunitySafety.Data.DataChange("Q2 2023-24 data imported", DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Equal(40, Beats(page).Count));
        Assert.Empty(page.FindAll("#beats-find"));
    }

    [Fact]
    public void A_district_whose_beats_fit_on_one_page_has_no_search_or_pages()
    {
        var page = OpenWithBeats(BeatsPaging.PageSize);

        Assert.Equal(BeatsPaging.PageSize, Beats(page).Count);
        Assert.Empty(page.FindAll("#beats-find"));
        Assert.Empty(page.FindAll("nav.beats-pager"));
    }

    [Theory]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 7, "1 2 3 4 5 6 7")]
    [InlineData(1, 20, "1 2 … 20")]
    [InlineData(4, 20, "1 2 3 4 5 … 20")] // a gap of one page shows that page, not an ellipsis in its place
    [InlineData(5, 20, "1 … 4 5 6 … 20")]
    [InlineData(3, 20, "1 2 3 4 … 20")]
    [InlineData(20, 20, "1 … 19 20")]
    [InlineData(17, 20, "1 … 16 17 18 19 20")]
    public void The_page_numbers_offered_are_the_first_the_last_and_those_beside_the_current_one(int current, int pages, string expected)
    {
        Assert.Equal(expected, string.Join(" ", BeatsPaging.Numbers(current, pages).Select(n => n?.ToString() ?? "…")));
    }
}
