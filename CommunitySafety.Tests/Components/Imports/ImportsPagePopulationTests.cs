using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Components.Forms;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>The population file on the Imports page: the same preview, refusal with line-numbered errors, history and undo as `import-population`.</summary>
public sealed class ImportsPagePopulationTests : ImportsPageTestContext
{
    private static void ChoosePopulation(IRenderedComponent<ImportsPage> page) =>
        page.FindAll(".import-kind input[type=radio]")[1].Click();

    [Fact]
    public async Task A_population_file_is_previewed_imported_listed_and_can_be_undone()
    {
        var page = Render<ImportsPage>();
        ChoosePopulation(page);
        page.WaitForAssertion(() => Assert.Contains("population CSV", page.Markup));

        Drop(page, InputFileContent.CreateFromText(Csv("Area,Population", "Harborough,97600"), "population.csv"));

        page.WaitForAssertion(() => Assert.Contains("1 read, 1 kept, 0 skipped", page.Find(".preview-rows").TextContent), TimeSpan.FromSeconds(20));
        page.Find(".import-button").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".import-done")), TimeSpan.FromSeconds(20));

        var summary = await Database.Figures.GetSummaryAsync(FinancialQuarter.Containing(TestMonths.M("2023-04")));
        Assert.Equal(Rates.Round(5 / 97600.0 * 1000), summary.Asb!.Rate);
        var history = await ImportHistory.ListAsync(Database.DbFactory);
        var population = Assert.Single(history, i => i.Files.Any(f => f.Format == ImportFormat.Population));
        Assert.True((await Database.Importer.UndoAsync(population.Id)).Done);
        Assert.Null((await Database.Figures.GetSummaryAsync(FinancialQuarter.Containing(TestMonths.M("2023-04")))).Asb!.Rate);
    }

    [Fact]
    public async Task A_bad_population_file_is_refused_with_its_line_and_nothing_changes()
    {
        var before = await Database.DumpAsync();
        var page = Render<ImportsPage>();
        ChoosePopulation(page);

        Drop(page, InputFileContent.CreateFromText(Csv("Area,Population", "Harborough,97600", "Harborough,none"), "population.csv"));

        page.WaitForAssertion(() => Assert.Contains("line 3, column Population", page.Find(".import-errors").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public void Police_data_stays_the_default_and_its_preview_names_the_areas_kept()
    {
        var page = Render<ImportsPage>();

        Drop(page, InputFileContent.CreateFromText(Csv(Header, "2023-05,Harborough North,ASB,,,N,7"), "may.csv"));

        page.WaitForAssertion(() => Assert.Equal("Harborough", page.Find(".preview-areas").TextContent), TimeSpan.FromSeconds(20));
    }
}
