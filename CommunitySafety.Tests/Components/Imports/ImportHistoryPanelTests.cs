using AngleSharp.Dom;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Tests.Data;
using MudBlazor;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>
/// The import history over a real database holding two imports: import 1 (April 2023) and import 2, which replaced
/// April and added June.
/// </summary>
public sealed class ImportHistoryPanelTests : ImportsPageTestContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var report = await Database.ImportOkAsync(Database.WriteFile("later.csv", TestDatabase.Lines(Header,
            "2023-04,Harborough North,ASB,,,N,6", "2023-06,Harborough North,ASB,,,N,7")));
        Assert.Equal(2, report.ImportId);
    }

    private IRenderedComponent<ImportHistoryPanel> Open()
    {
        var panel = Render<ImportHistoryPanel>();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".history-entry").Count));
        return panel;
    }

    private static IElement Entry(IRenderedComponent<ImportHistoryPanel> panel, int id) =>
        panel.FindAll(".history-entry").Single(e => e.GetAttribute("data-import") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Summary(IRenderedComponent<ImportHistoryPanel> panel, int id) =>
        Words(Entry(panel, id).QuerySelector(".history-summary")!.TextContent);

    [Fact]
    public void Both_imports_are_listed_newest_first_with_their_months_rows_and_what_is_live()
    {
        var panel = Open();

        Assert.Equal(["2", "1"], panel.FindAll(".history-entry").Select(e => e.GetAttribute("data-import")));
        Assert.Equal("Apr 2023 and Jun 2023 · 2 rows read, 2 kept, 0 skipped · all months live", Summary(panel, 2));
        Assert.Equal("Apr 2023 · 1 rows read, 1 kept, 0 skipped · live: no months", Summary(panel, 1));
        Assert.Equal(["Apr 2023: replaced import 1, live", "Jun 2023: new, live"],
            Entry(panel, 2).QuerySelectorAll(".history-months li").Select(li => Words(li.TextContent)));
        Assert.Contains("later.csv", Entry(panel, 2).QuerySelector(".history-files")!.TextContent);
    }

    [Fact]
    public async Task Undo_asks_first_saying_which_months_come_back_from_which_import_and_keeping_it_changes_nothing()
    {
        var before = await Database.DumpAsync();
        var dialogs = Render<MudDialogProvider>();
        var panel = Open();

        panel.Find("button[aria-label='Undo import 2']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Undo import 2?", dialogs.Markup));
        Assert.Contains("Undoing import 2: Apr 2023 will come from import 1 again; Jun 2023 will have no data. You can import the files again later.",
            Words(dialogs.Markup));
        DialogButton(dialogs, "Keep it").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Undo import 2?", dialogs.Markup));
        Assert.Equal(before, await Database.DumpAsync());
        Assert.Equal("Apr 2023 and Jun 2023 · 2 rows read, 2 kept, 0 skipped · all months live", Summary(panel, 2));
    }

    [Fact]
    public async Task Confirming_the_undo_undoes_it_and_the_list_shows_it_undone_with_april_back_from_import_1()
    {
        var dialogs = Render<MudDialogProvider>();
        var panel = Open();

        panel.Find("button[aria-label='Undo import 2']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Undo import 2?", dialogs.Markup));
        DialogButton(dialogs, "Undo import").Click();

        panel.WaitForAssertion(() => Assert.NotNull(Entry(panel, 2).QuerySelector(".undone-chip")), TimeSpan.FromSeconds(20));
        Assert.StartsWith("Undone ", Entry(panel, 2).QuerySelector(".undone-chip")!.TextContent.Trim());
        Assert.Empty(Entry(panel, 2).QuerySelectorAll(".undo-button"));
        Assert.EndsWith("· no months live", Summary(panel, 2));
        Assert.EndsWith("· all months live", Summary(panel, 1));
        Assert.StartsWith("Import 2 undone.", Words(panel.Find(".undo-message").TextContent));
        var asb = await Database.MonthlyAsync("asb");
        Assert.Equal(5, asb["2023-04"]);
        Assert.False(asb.ContainsKey("2023-06"));
    }

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
