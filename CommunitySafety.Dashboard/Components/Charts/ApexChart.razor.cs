using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>One apexcharts chart as a component of its own: JS runs only after the first render (see <see cref="ChartDrawing"/>).</summary>
public sealed partial class ApexChart : ComponentBase, IAsyncDisposable
{
    public const string ModulePath = ChartDrawing.ModulePath;

    private ChartDrawing _drawing = null!;
    private ElementReference _element;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<ApexChart> Logger { get; set; } = null!;

    /// <summary>The chart's options: a new object whenever the chart should change.</summary>
    [Parameter, EditorRequired] public object Options { get; set; } = null!;

    [Parameter] public string? AriaLabel { get; set; }

    [Parameter] public string? Class { get; set; }

    /// <summary>Called once the chart is first drawn, for a page that must wait for its charts (the printed report).</summary>
    [Parameter] public EventCallback Drawn { get; set; }

    protected override void OnInitialized() => _drawing = new ChartDrawing(JS, Logger);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (await _drawing.ShowAsync(_element, Options)) await Drawn.InvokeAsync();
    }

    public ValueTask DisposeAsync() => _drawing.DisposeAsync();
}
