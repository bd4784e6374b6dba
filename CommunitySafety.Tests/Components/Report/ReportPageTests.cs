using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Report;
using CommunitySafety.Data.Import;
using CommunitySafety.Tests.Components.ActionPlan;
using CommunitySafety.Tests.Data;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Report;

/// <summary>The council's appendix: fake figures, and a real database for the plan and for the imports its sources line names.</summary>
public sealed class ReportPageTests : PlanComponentTestContext
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";
    private const string AsbSentence = "There has been a -25.1% decrease in the number of ASB incidents in Harborough in the current year to date.";
    private const string CrimeSentence = "Crime is down 2.8% on the previous year to date.";

    public ReportPageTests()
    {
        Figures.Summaries = (period, beat) => TestFigures.Summary(period, beat) with { Narrative = [AsbSentence, CrimeSentence], NarrativeSections = new([AsbSentence], [CrimeSentence]) };
    }

    private IRenderedComponent<ReportPage> Open()
    {
        Render<MudPopoverProvider>();
        GoTo("report?year=2023-24&quarter=1");
        var page = Render<ReportPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".report-header h1")));
        return page;
    }

    [Fact]
    public void The_report_has_the_appendixs_title_and_period_and_tells_asb_then_crime()
    {
        var page = Open();

        Assert.Equal("Crime and ASB Data for Harborough District Quarter 1 2023-24", page.Find(".report-header h1").TextContent);
        Assert.Equal("Year to date April to June 2023, compared with the same months a year earlier (April to June 2022).",
            page.Find(".report-period").TextContent);
        var asb = page.Find("section[aria-labelledby=report-asb]");
        Assert.Equal("1. ASB YTD Overview April to June 2023", asb.QuerySelector("h3")!.TextContent);
        Assert.Equal([AsbSentence], Paragraphs(asb));
        var crime = page.Find("section[aria-labelledby=report-crime]");
        Assert.Equal([CrimeSentence], Paragraphs(crime));
    }

    [Fact]
    public async Task The_pack_lists_the_partnerships_own_measures_against_the_same_quarter_a_year_before()
    {
        var manager = TestPeople.Manager("Mo Manager");
        var action = (await Plans.GetProgressAsync("2023-24"))!.Actions[0];
        Assert.True((await Plans.AddMeasureAsync("2023-24", action.ActionId, "Referrals made", manager)).Saved);
        var csv = Database.WriteFile("measures.csv", TestDatabase.Lines("measure,quarter,value", "Referrals made,Q1 2023-24,30", "Referrals made,Q1 2022-23,24"));
        Assert.True((await Plans.ImportMeasureValuesAsync(csv, "measures.csv", manager)).Imported);

        var page = Open();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".report-measures-table tbody tr")));
        var cells = page.Find(".report-measures-table tbody tr").Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Referrals made", "30", "24", "+25.0%"], cells.Take(4));
    }

    [Fact]
    public void The_figure_tables_hold_both_years_counts_and_the_changes()
    {
        var page = Open();

        Assert.Equal(
        [
            ["ASB incidents", "1,084", "812", "272 fewer", "-25.1% Real change"],
            ["Total crime", "1,553", "1,510", "43 fewer", "-2.8% Within normal variation"],
            ["Domestic incidents", "No data", "No data", "", "No data"],
        ], Rows(Table(page, "Headline figures, year to date")));
        Assert.Equal(
        [
            ["Violence Without Injury", "410", "400", "10 fewer", "-2.4% Within normal variation"],
            ["Criminal Damage", "148", "180", "32 more", "+21.6% Possible change"],
        ], Rows(Table(page, "Crime types")));
        Assert.Equal(
        [
            ["Residential", "500", "400", "100 fewer", "-20.0% Real change"],
        ], Rows(Table(page, "ASB by location type")));
        Assert.Equal(
        [
            ["Harborough North", "300", "-14.3% Possible change", "500", "+4.2% Within normal variation", "No data", "No data"],
            ["Harborough Town", "250", "-24.2% Real change", "420", "-2.3% Within normal variation", "No data", "No data"],
            ["Harborough district", "812", "-25.1% Real change", "1,510", "-2.8% Within normal variation", "No data", "No data"],
        ], Rows(Table(page, "Beats, year to date")));
    }

    [Fact]
    public async Task The_closing_line_names_the_imports_the_figures_come_from_and_no_other()
    {
        var tooOld = await Database.ImportOkAsync(Database.WriteFile("2019-q1.csv", TestDatabase.Lines(Header, "2019-04,Harborough North,ASB,,,N,4")));
        var lastYear = await Database.ImportOkAsync(Database.WriteFile("2022-q1.csv", TestDatabase.Lines(Header,
            "2022-04,Harborough North,ASB,,,N,5", "2022-05,Harborough North,ASB,,,N,5", "2022-06,Harborough North,ASB,,,N,5")));
        var thisYear = await Database.ImportOkAsync(Database.WriteFile("2023-q1.csv", TestDatabase.Lines(Header,
            "2023-04,Harborough North,ASB,,,N,3", "2023-06,Harborough North,ASB,,,N,3")));
        var imported = (await ImportHistory.ListAsync(Database.DbFactory)).ToDictionary(i => i.Id, i => i.ImportedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture));

        var page = Open();

        // The report's charts run four years back from the latest quarter with data (Q2 2023-24), so from Oct 2019.
        Assert.Equal(
            $"The figures come from import {lastYear.ImportId} (2022-q1.csv, imported {imported[lastYear.ImportId!.Value]}) for Apr 2022 to Jun 2022; " +
            $"import {thisYear.ImportId} (2023-q1.csv, imported {imported[thisYear.ImportId!.Value]}) for Apr 2023 and Jun 2023.",
            page.Find(".report-sources p").TextContent);
        Assert.DoesNotContain($"import {tooOld.ImportId} ", page.Find(".report-sources").TextContent);
    }

    private static IElement Table(IRenderedComponent<ReportPage> page, string caption) =>
        page.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == caption);

    private static List<string[]> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => Words(c.TextContent)).ToArray()).ToList();

    private static List<string> Paragraphs(IElement section) =>
        section.Children.Where(c => c.LocalName == "p").Select(p => p.TextContent).ToList();
}
