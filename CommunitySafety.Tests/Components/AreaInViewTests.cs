using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Dashboard.Components.Pages.Overview;
using CommunitySafety.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

/// <summary>The area in view (?area=), offered when several areas are kept: the home area by default, any kept area on asking.</summary>
public class AreaInViewTests : ComponentTestContext
{
    [Fact]
    public void With_one_area_kept_no_area_is_offered_and_the_home_area_is_shown()
    {
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".measure-card").Count));
        Assert.Empty(page.FindAll(".area-picker"));
        Assert.All(Figures.AreaRequests, Assert.Null);
    }

    [Fact]
    public void With_several_areas_the_address_chooses_the_area_and_its_links_carry_it()
    {
        Figures.Areas = ["Harborough", "Blaby", "Melton"];
        GoTo("beats?year=2023-24&quarter=1&area=blaby");
        Render<MudPopoverProvider>();
        var page = Render<BeatsPage>();

        page.WaitForAssertion(() => Assert.Contains("Beats: Blaby", page.Find("h1").TextContent));
        Assert.Contains("Blaby", Figures.AreaRequests);
        Assert.Single(page.FindAll(".area-picker"));
        var beatLink = page.FindAll("a").Single(a => a.TextContent == "Harborough North");
        Assert.Equal("beats/Harborough%20North?year=2023-24&quarter=1&area=Blaby", beatLink.GetAttribute("href"));
        Assert.Equal("Blaby district", page.Find(".beats-table tfoot td[data-label='Beat']").TextContent.Trim());
    }

    [Fact]
    public void Choosing_an_area_in_the_picker_puts_it_in_the_address_and_the_home_area_takes_it_out()
    {
        Figures.Areas = ["Harborough", "Blaby"];
        GoTo("beats?year=2023-24&quarter=1");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var page = Render<BeatsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#area-picker")));
        Assert.Equal("Area", page.Find("label[for=area-picker]").TextContent);
        Assert.Equal("Harborough", page.Find("#area-picker option[selected]").TextContent);

        page.Find("#area-picker").Change("Blaby");
        Assert.Equal("http://localhost/beats?year=2023-24&quarter=1&area=Blaby", navigation.Uri);

        page.WaitForAssertion(() => Assert.Equal("Blaby", page.Find("#area-picker option[selected]").TextContent));
        page.Find("#area-picker").Change("Harborough");
        Assert.Equal("http://localhost/beats?year=2023-24&quarter=1", navigation.Uri);
    }

    [Fact]
    public void An_area_not_kept_is_said_in_a_sentence_and_the_home_area_is_shown()
    {
        Figures.Areas = ["Harborough", "Blaby"];
        GoTo("?area=Nowhere");
        Render<MudPopoverProvider>();
        var page = Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains(
            "The link asks for the area 'Nowhere', which the dashboard does not hold. Showing Harborough instead.", page.Find(".area-problem").TextContent));
        Assert.Equal("Overview", page.Find("h1").TextContent);
        Assert.All(Figures.AreaRequests, Assert.Null);
    }

    [Theory]
    [InlineData("http://x/beats?year=2023-24&quarter=1&area=Blaby&type=Burglary", "crime-types?year=2023-24&quarter=1&area=Blaby")]
    [InlineData("http://x/beats?year=2023-24", "crime-types?year=2023-24")]
    public void The_menu_keeps_the_period_and_the_area(string current, string expected) =>
        Assert.Equal(expected, Links.KeepingPeriod("crime-types", current));

    [Fact]
    public void The_home_area_named_in_the_address_is_the_same_as_none()
    {
        Assert.Equal(new AreaSelection(null, "Harborough", null), AreaInView.Resolve(["Harborough", "Blaby"], "harborough"));
        Assert.Equal(new AreaSelection("Blaby", "Blaby", null), AreaInView.Resolve(["Harborough", "Blaby"], " BLABY "));
    }
}
