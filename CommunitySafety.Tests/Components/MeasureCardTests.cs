using CommunitySafety.Data.Model;
using System.Text.RegularExpressions;
using Bunit;
using CommunitySafety.Dashboard.Components.Shared;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

public class MeasureCardTests : ComponentTestContext
{
    [Fact]
    public void A_fall_is_good_news_in_green_with_a_down_arrow_and_words()
    {
        var card = Render<MeasureCard>(p => p.Add(c => c.Title, "ASB").Add(c => c.Measure, TestFigures.Measure(812, 1084, Significance.Real)));

        var change = card.Find(".measure-change");
        Assert.Contains("change-good", change.ClassList);
        Assert.Equal("-25.1%", card.Find(".measure-percent").TextContent);
        Assert.Equal("down 25.1%", card.Find(".measure-words").TextContent);
        Assert.Equal("Real change", card.Find(".measure-significance").TextContent.Trim());
        Assert.Contains("812 this year to date, 1,084 last year (272 fewer)", card.Markup);
        AssertArrow(card, Icons.Material.Filled.ArrowDownward);
    }

    [Fact]
    public void A_rise_is_bad_news_in_red_with_an_up_arrow_and_words()
    {
        var card = Render<MeasureCard>(p => p.Add(c => c.Title, "Criminal Damage").Add(c => c.Measure, TestFigures.Measure(180, 148, Significance.Possible)));

        Assert.Contains("change-bad", card.Find(".measure-change").ClassList);
        Assert.Equal("+21.6%", card.Find(".measure-percent").TextContent);
        Assert.Equal("up 21.6%", card.Find(".measure-words").TextContent);
        Assert.Equal("Possible change", card.Find(".measure-significance").TextContent.Trim());
        AssertArrow(card, Icons.Material.Filled.ArrowUpward);
    }

    [Fact]
    public void No_change_is_neither_good_nor_bad()
    {
        var card = Render<MeasureCard>(p => p.Add(c => c.Title, "Total crime").Add(c => c.Measure, TestFigures.Measure(150, 150)));

        Assert.Contains("change-same", card.Find(".measure-change").ClassList);
        Assert.Equal("0.0%", card.Find(".measure-percent").TextContent);
        Assert.Equal("no change", card.Find(".measure-words").TextContent);
        Assert.Equal("Within normal variation", card.Find(".measure-significance").TextContent.Trim());
        AssertArrow(card, Icons.Material.Filled.ArrowForward);
    }

    [Fact]
    public void A_measure_without_data_says_so_instead_of_showing_zero()
    {
        var card = Render<MeasureCard>(p => p
            .Add(c => c.Title, "Domestic incidents")
            .Add(c => c.Measure, null)
            .Add(c => c.NoDataText, "No data for this period (police.uk data has no domestic flag)"));

        Assert.Equal("No data for this period (police.uk data has no domestic flag)", card.Find(".measure-no-data").TextContent);
        Assert.Empty(card.FindAll(".measure-percent"));
        Assert.DoesNotContain(">0<", card.Markup);
    }

    [Fact]
    public void A_rise_from_none_has_no_percentage_but_says_it_is_new()
    {
        var view = MeasureView.Of(TestFigures.Measure(4, 0));

        Assert.Equal("new", view.ChangePercentText);
        Assert.Equal("up from none last year", view.DirectionWords);
        Assert.Equal(ChangeDirection.Up, view.Direction);
    }

    private static void AssertArrow(IRenderedComponent<MeasureCard> card, string icon)
    {
        var arrowMarkup = card.Find(".measure-arrow").InnerHtml;
        foreach (Match path in Regex.Matches(icon, "d=\"([^\"]+)\""))
            Assert.Contains(path.Groups[1].Value, arrowMarkup);
    }
}
