using Bunit;
using CommunitySafety.Dashboard.Components.Charts;
using Microsoft.JSInterop;

namespace CommunitySafety.Tests.Components;

public class ChartTests : ComponentTestContext
{
    private static ChartData Data(params int?[] values) => new(
        "ASB incidents by quarter", ChartKind.Line, "Quarter",
        [.. values.Select((_, i) => $"Q{i + 1} 2023-24")],
        [new ChartSeries("ASB incidents", values)])
    {
        MarkedCategory = "Q1 2023-24",
        MarkedLabel = "Selected: Q1 2023-24",
    };

    [Fact]
    public void The_chart_is_drawn_once_after_the_first_render_and_not_again_for_the_same_options()
    {
        var options = ChartOptionsFactory.Build(Data(10, 20), ChartTheme.Light);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, options));

        var init = Assert.Single(ChartModule.Invocations["init"]);
        Assert.Contains("\"data\":[10,20]", (string)init.Arguments[2]!);

        chart.Render(p => p.Add(c => c.Options, options));

        Assert.Single(ChartModule.Invocations["init"]);
        Assert.Empty(ChartModule.Invocations["update"]);
    }

    [Fact]
    public void New_options_with_the_same_numbers_send_nothing_to_the_chart()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(10, 20), ChartTheme.Light)));

        chart.Render(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(10, 20), ChartTheme.Light)));

        Assert.Single(ChartModule.Invocations["init"]);
        Assert.Empty(ChartModule.Invocations["update"]);
    }

    [Fact]
    public void New_options_update_the_chart_in_place_with_the_latest_numbers()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(10, 20), ChartTheme.Light)));

        chart.Render(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(11, 21), ChartTheme.Light)));
        chart.Render(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(12, 22), ChartTheme.Dark)));

        var updates = ChartModule.Invocations["update"];
        Assert.Equal(2, updates.Count);
        var latest = (string)updates[^1].Arguments[1]!;
        Assert.Contains("\"data\":[12,22]", latest);
        Assert.Contains("\"mode\":\"dark\"", latest);
        Assert.Equal(ChartModule.Invocations["init"].Single().Arguments[1], updates[^1].Arguments[0]);
    }

    [Fact]
    public async Task Disposing_destroys_the_chart()
    {
        Render<ApexChart>(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(1), ChartTheme.Light)));
        var id = ChartModule.Invocations["init"].Single().Arguments[1];

        await DisposeComponentsAsync();

        Assert.Equal(id, ChartModule.Invocations["destroy"].Single().Arguments[0]);
    }

    [Fact]
    public async Task Disposing_after_the_browser_has_gone_does_not_throw()
    {
        ChartModule.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit has gone."));
        Render<ApexChart>(p => p.Add(c => c.Options, ChartOptionsFactory.Build(Data(1), ChartTheme.Light)));

        var exception = await Record.ExceptionAsync(() => DisposeComponentsAsync());

        Assert.Null(exception);
        Assert.Single(ChartModule.Invocations["destroy"]);
    }

    [Fact]
    public void The_options_are_plain_data_with_the_download_menu_and_the_marked_quarter()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(ChartOptionsFactory.Build(Data(5, 6), ChartTheme.Light));

        Assert.Contains("\"download\":true", json);
        Assert.Contains("\"csv\":{\"filename\":\"asb-incidents-by-quarter\"}", json);
        Assert.Contains("\"x\":\"Q1 2023-24\"", json);
        Assert.Contains("Selected: Q1 2023-24", json);
        Assert.DoesNotContain("function", json);
    }

    [Fact]
    public void Show_as_table_shows_the_same_numbers_in_an_accessible_table()
    {
        var card = Render<ChartCard>(p => p.Add(c => c.Data, Data(1234, null)));
        Assert.Single(ChartModule.Invocations["init"]);

        card.Find(".show-table-switch input").Change(true);

        Assert.Equal("ASB incidents by quarter", card.Find("table caption").TextContent);
        Assert.Equal(["Quarter", "ASB incidents"], card.FindAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var rows = card.FindAll("tbody tr");
        Assert.StartsWith("Q1 2023-24", rows[0].QuerySelector("th[scope=row]")!.TextContent.Trim());
        Assert.Equal("1,234", rows[0].QuerySelector("td")!.TextContent);
        Assert.Equal("no data", rows[1].QuerySelector("td")!.TextContent);
        Assert.Single(ChartModule.Invocations["destroy"]);
    }
}

public class SparklineTests
{
    [Fact]
    public void The_line_runs_across_the_width_from_the_lowest_value_at_the_bottom_to_the_highest_at_the_top()
    {
        Assert.Equal("M2,34L60,18L118,2", Sparkline.Path([10, 15, 20]));
    }

    [Fact]
    public void A_missing_value_breaks_the_line_and_a_lone_point_is_a_dot()
    {
        Assert.Equal("M2,34L31,2M89,34h0.1", Sparkline.Path([0, 10, null, 0, null]));
    }

    [Fact]
    public void A_flat_line_sits_in_the_middle_and_no_values_draw_nothing()
    {
        Assert.Equal("M2,18L118,18", Sparkline.Path([5, 5]));
        Assert.Equal("", Sparkline.Path([null, null]));
    }
}
