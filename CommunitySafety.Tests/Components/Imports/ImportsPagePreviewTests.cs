using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Import;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>A preview holds the import turn; left open, it closes itself so that others can import.</summary>
public sealed class ImportsPagePreviewTests : ImportsPageTestContext
{
    protected override ImportsOptions Options => new() { PreviewMinutes = 0.02 }; // about a second

    [Fact]
    public async Task A_preview_left_open_closes_itself_gives_back_the_turn_and_changes_nothing()
    {
        var before = await Database.DumpAsync();
        var page = Render<ImportsPage>();

        Drop(page, InputFileContent.CreateFromText(Csv(Header, "2023-05,Harborough North,ASB,,,N,7"), "may.csv"));

        page.WaitForAssertion(() => Assert.Contains("was left open", page.Find(".import-status").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Database.DumpAsync());
        // The turn was given back: another import goes ahead rather than waiting for ever.
        var next = Database.ImportOkAsync(Database.WriteFile("june.csv", Csv(Header, "2023-06,Harborough North,ASB,,,N,3")));
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(30))));
    }
}
