using CommunitySafety.Dashboard.Components.Charts;
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
}
