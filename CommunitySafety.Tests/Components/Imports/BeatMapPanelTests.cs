using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Tests.Data;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>The beat map panel over a real database that holds, besides import 1, a police.uk month with three Harborough LSOAs.</summary>
public sealed class BeatMapPanelTests : ImportsPageTestContext
{
    private const string PoliceUkHeader =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private const string GoodMap = "LSOA code,LSOA name,Beat\nE01025770,Harborough 002A,Harborough Town\nE01025771,Harborough 002B,Lutterworth\n";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.ImportOkAsync(Database.WriteFile("2023-06-leicestershire-street.csv", TestDatabase.Lines(
            PoliceUkHeader,
            "a,2023-06,L,L,-0.9,52.4,On or near X,E01025770,Harborough 002A,Burglary,,",
            "b,2023-06,L,L,-0.9,52.4,On or near X,E01025771,Harborough 002B,Burglary,,",
            "c,2023-06,L,L,-0.9,52.4,On or near X,E01025772,Harborough 003A,Burglary,,",
            "d,2023-06,L,L,-0.9,52.4,On or near X,E01025772,Harborough 003A,Shoplifting,,",
            "e,2023-06,L,L,-0.9,52.4,On or near X,E01025600,Blaby 001A,Burglary,,")));
    }

    private IRenderedComponent<BeatMapPanel> Open() =>
        Render<BeatMapPanel>(p => p.Add(c => c.UploadRoot, Path.Combine(Database.Folder, "incoming")));

    [Fact]
    public void An_uploaded_map_is_shown_and_the_imported_lsoas_it_leaves_out_are_listed()
    {
        var panel = Open();
        Assert.Equal("No beat map has been uploaded.", panel.Find(".beat-map-none").TextContent);

        Drop(panel, InputFileContent.CreateFromText(GoodMap, "map.csv"));

        panel.WaitForAssertion(() => Assert.Contains("map.csv", panel.Find(".beat-map-current").TextContent));
        Assert.Contains("2 LSOAs in 2 beats", panel.Find(".beat-map-current").TextContent);
        Assert.StartsWith("map.csv is now the beat map: 2 LSOAs in 2 beats.", panel.Find(".beat-map-status").TextContent);
        Assert.Equal(["Harborough Town (1): E01025770", "Lutterworth (1): E01025771"],
            panel.FindAll(".beat-map-beats li").Select(li => li.TextContent.Trim()));

        panel.FindAll(".beat-map-actions button").Single(b => b.TextContent.Contains("Check imported police.uk data", StringComparison.Ordinal)).Click();

        // Blaby's LSOA is outside the area: only Harborough 003A, with its two rows, is left out.
        panel.WaitForAssertion(() => Assert.Equal(["Harborough 003A (E01025772): 2 rows"],
            panel.FindAll(".unmapped-lsoas li").Select(li => li.TextContent.Trim())));
        Assert.Equal("1 LSOA of Harborough in the imported police.uk data is not in the map; their rows would be skipped:",
            Words(panel.Find(".unmapped-lsoas").PreviousElementSibling!.TextContent));
    }

    [Fact]
    public void A_bad_map_is_refused_line_by_line_and_the_map_in_use_stays()
    {
        var panel = Open();
        Drop(panel, InputFileContent.CreateFromText(GoodMap, "map.csv"));
        panel.WaitForAssertion(() => Assert.Contains("map.csv", panel.Find(".beat-map-current").TextContent));

        Drop(panel, InputFileContent.CreateFromText("LSOA code,Beat\nE01025770,Harborough Town\nE01025771,\n", "bad-map.csv"));

        panel.WaitForAssertion(() => Assert.Equal(
            "bad-map.csv, line 3, column Beat: the cell is empty; expected the name of the beat this LSOA belongs to.",
            Words(panel.Find(".import-error").TextContent)));
        Assert.Equal("bad-map.csv was not taken as the beat map; the map in use is unchanged.", panel.Find(".beat-map-status").TextContent);
        Assert.Contains("In use: map.csv", panel.Find(".beat-map-current").TextContent);
    }
}
