using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

/// <summary>Rates per 1,000 residents as a column of the beats table where a population is known; "no population", never a wrong zero.</summary>
public class BeatsRatesTests : ComponentTestContext
{
    [Fact]
    public void Without_any_population_the_beats_table_has_no_rate_columns()
    {
        Render<MudPopoverProvider>();
        var page = Render<BeatsPage>();

        page.WaitForAssertion(() => Assert.Contains("Harborough North", page.Markup));
        Assert.DoesNotContain("per 1,000 residents", page.Markup);
    }

    [Fact]
    public void With_a_population_each_beat_shows_its_rate_and_a_beat_without_one_says_no_population()
    {
        Figures.Summaries = (period, beat) =>
        {
            var s = TestFigures.Summary(period, beat);
            return s with
            {
                Asb = s.Asb! with { Rate = 8.32 },
                Beats = [s.Beats[0] with { Asb = s.Beats[0].Asb! with { Rate = 6.25 }, Crime = s.Beats[0].Crime! with { Rate = 10.42 } }, s.Beats[1]],
            };
        };
        Render<MudPopoverProvider>();
        var page = Render<BeatsPage>();

        page.WaitForAssertion(() => Assert.Contains("ASB per 1,000 residents", page.Markup));
        var north = page.FindAll("tr").Single(r => r.TextContent.Contains("Harborough North"));
        Assert.Contains("6.25", north.TextContent);
        Assert.Contains("10.42", north.TextContent);
        var town = page.FindAll("tr").Single(r => r.TextContent.Contains("Harborough Town"));
        Assert.Contains("no population", town.TextContent);
        Assert.DoesNotContain("0.00", town.TextContent);
        Assert.Contains("8.32", page.FindAll("tr").Last().TextContent);
    }

    [Fact]
    public void The_crime_types_table_shows_each_types_rate_where_the_population_is_known()
    {
        Render<MudPopoverProvider>();
        var without = Render<CommunitySafety.Dashboard.Components.Pages.CrimeTypes.CrimeTypesPage>();
        without.WaitForAssertion(() => Assert.Contains("Criminal Damage", without.Markup));
        Assert.DoesNotContain("Per 1,000 residents", without.Markup);

        Figures.Summaries = (period, beat) =>
        {
            var s = TestFigures.Summary(period, beat);
            return s with { Crime = s.Crime! with { Rate = 16.9 }, CrimeTypes = s.CrimeTypes.Select(t => t with { Rate = 1.23 }).ToList() };
        };
        var with = Render<CommunitySafety.Dashboard.Components.Pages.CrimeTypes.CrimeTypesPage>();
        with.WaitForAssertion(() => Assert.Contains("Per 1,000 residents", with.Markup));
        Assert.Contains("1.23", with.FindAll("tr").First(r => r.TextContent.Contains("Criminal Damage")).TextContent);
    }
}
