using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Pages.Beats;
using CommunitySafety.Dashboard.Components.Shared;

namespace CommunitySafety.Tests.Components;

/// <summary>
/// Every open page showing the same data version's figures shares what is built from them: one build, one set of chart
/// options, not one per page.
/// </summary>
public class SharedFiguresTests
{
    private sealed record Built(int Number);

    [Fact]
    public async Task Pages_asking_with_the_same_shared_figure_get_one_build()
    {
        var summary = new object();
        var builds = 0;
        Task<Built> Build() => Task.FromResult(new Built(Interlocked.Increment(ref builds)));

        var first = await SharedFigures<Built>.GetAsync(summary, Build);
        var second = await SharedFigures<Built>.GetAsync(summary, Build);
        var other = await SharedFigures<Built>.GetAsync(new object(), Build);

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task A_build_that_fails_is_tried_again_by_the_next_page()
    {
        var summary = new object();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SharedFigures<Built>.GetAsync(summary, () => Task.FromException<Built>(new InvalidOperationException("the database went away"))));

        var built = await SharedFigures<Built>.GetAsync(summary, () => Task.FromResult(new Built(7)));

        Assert.Equal(7, built.Number);
    }

    [Fact]
    public void Chart_options_are_built_once_for_the_same_chart_data_and_theme()
    {
        var data = new ChartData("ASB incidents by quarter", ChartKind.Line, "Quarter", ["Q1 2023-24", "Q2 2023-24"], [new ChartSeries("ASB incidents", [10, 20])]);
        var same = data with { };

        Assert.Same(ChartOptionsFactory.For(data, ChartTheme.Light), ChartOptionsFactory.For(data, ChartTheme.Light));
        Assert.NotSame(ChartOptionsFactory.For(data, ChartTheme.Light), ChartOptionsFactory.For(data, ChartTheme.Dark));
        Assert.NotSame(ChartOptionsFactory.For(data, ChartTheme.Light), ChartOptionsFactory.For(same, ChartTheme.Light));
    }

    [Fact]
    public async Task A_beats_tables_figures_are_rendered_once_for_the_same_figures_and_shared()
    {
        var figures = BeatsFiguresOf(TestFigures.Summary(TestFigures.Q2));

        var html = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => BeatsTable.HtmlAsync(figures)));
        var newFigures = BeatsFiguresOf(TestFigures.Summary(TestFigures.Q2));
        var next = await BeatsTable.HtmlAsync(newFigures);

        Assert.All(html, h => Assert.Same(html[0], h)); // pages reloading at once share one rendering
        Assert.NotSame(html[0], next);
        var north = html[0].Cells(figures.Rows[0]).Value;
        Assert.StartsWith("<td data-label=\"ASB\" class=\"mud-table-cell number\">300</td>", north);
        Assert.Contains("<svg class=\"sparkline\"", north);
        Assert.StartsWith("<td data-label=\"ASB\" class=\"mud-table-cell number\"><strong>812</strong>", html[0].Total.Value);
        // The same figures a new version brings are the same text, so a page's diff finds nothing to send for the row.
        Assert.Equal(north, next.Cells(newFigures.Rows[0]).Value);
    }

    [Fact]
    public async Task Text_from_an_uploaded_file_is_shown_as_text_in_the_shared_figures()
    {
        var summary = TestFigures.Summary(TestFigures.Q2);
        var figures = new BeatsFigures(summary, summary.Beats.Select(b => new BeatRow(b, [1, 2, 3], "Crimes in <img src=x onerror=alert(1)>")).ToList());

        var cells = (await BeatsTable.HtmlAsync(figures)).Cells(figures.Rows[0]).Value;

        Assert.DoesNotContain("<img", cells);
        Assert.Contains("aria-label=\"Crimes in &lt;img src=x onerror=alert(1)&gt;\"", cells);
    }

    private static BeatsFigures BeatsFiguresOf(CommunitySafety.Data.Figures.Summary summary) =>
        new(summary, summary.Beats.Select(b => new BeatRow(b, [1, 2, 3], "Crimes by quarter")).ToList());
}
