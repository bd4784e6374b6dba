using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Overview;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

public class PeriodTests : ComponentTestContext
{
    [Fact]
    public void With_no_period_in_the_address_the_default_quarter_is_shown()
    {
        var selection = PeriodChoice.Resolve(TestFigures.Overview(), null, null);

        Assert.Equal(TestFigures.Q1, selection.Period);
        Assert.Null(selection.Problem);
    }

    [Theory]
    [InlineData("2023-24", "2", 2023, 2)]
    [InlineData("2022-23", null, 2022, 4)]
    [InlineData("2023/24", "1", 2023, 1)]
    public void The_address_names_the_period(string year, string? quarter, int startYear, int quarterNumber)
    {
        var selection = PeriodChoice.Resolve(TestFigures.Overview(), year, quarter);

        Assert.Equal(new FinancialQuarter(startYear, quarterNumber), selection.Period);
        Assert.Null(selection.Problem);
    }

    [Theory]
    [InlineData("2023", "1", "not a financial year like 2023-24")]
    [InlineData("2023-24", "5", "a quarter is 1, 2, 3 or 4")]
    public void A_bad_address_falls_back_to_the_default_and_says_why(string year, string quarter, string words)
    {
        var selection = PeriodChoice.Resolve(TestFigures.Overview(), year, quarter);

        Assert.Equal(TestFigures.Q1, selection.Period);
        Assert.Contains(words, selection.Problem);
        Assert.Contains("Showing Q1 2023-24 instead", selection.Problem);
    }

    [Fact]
    public void Moving_to_a_year_without_the_quarter_takes_that_years_latest()
    {
        var overview = TestFigures.Overview() with { Quarters = [new(2022, 1), new(2022, 2), new(2023, 1)] };

        Assert.Equal(new FinancialQuarter(2023, 1), PeriodChoice.ForYear(overview, 2023, 2));
        Assert.Equal(new FinancialQuarter(2022, 2), PeriodChoice.ForYear(overview, 2022, 2));
    }

    [Fact]
    public void Choosing_a_quarter_navigates_to_its_address()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/beats?year=2023-24&quarter=1");
        var picker = RenderWithPopovers<PeriodPicker>(p => p.Add(c => c.Overview, TestFigures.Overview()).Add(c => c.Period, TestFigures.Q1));

        picker.Find("#period-quarter").Change("2");

        Assert.Equal("http://localhost/beats?year=2023-24&quarter=2", navigation.Uri);
    }

    [Fact]
    public void Choosing_a_year_navigates_to_its_address_keeping_the_quarter()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/?year=2023-24&quarter=1");
        var picker = RenderWithPopovers<PeriodPicker>(p => p.Add(c => c.Overview, TestFigures.Overview()).Add(c => c.Period, TestFigures.Q1));

        picker.Find("#period-year").Change("2022");

        Assert.Equal("http://localhost/?year=2022-23&quarter=1", navigation.Uri);
    }

    [Fact]
    public void The_page_shows_the_period_its_address_names_and_follows_the_address_when_it_changes()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/?year=2023-24&quarter=2");
        var page = RenderWithPopovers<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains((TestFigures.Q2, (string?)null), Figures.SummaryRequests));
        page.WaitForAssertion(() => Assert.Contains("Q2 2023-24: year to date Apr 2023 to Sep 2023", page.Markup));

        navigation.NavigateTo("/?year=2022-23&quarter=3");

        page.WaitForAssertion(() => Assert.Contains("Q3 2022-23: year to date Apr 2022 to Dec 2022", page.Markup));
        Assert.Contains((new FinancialQuarter(2022, 3), (string?)null), Figures.SummaryRequests);
    }

    private IRenderedComponent<T> RenderWithPopovers<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters ?? (_ => { }));
    }
}
