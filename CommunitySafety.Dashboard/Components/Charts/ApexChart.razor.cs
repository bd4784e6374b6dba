using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// One apexcharts chart. JS runs only after the first render; each render sends the latest options
/// (one call at a time, so a slow update can never overwrite a newer one); dispose destroys the chart and
/// tolerates a circuit that has already gone.
/// </summary>
public sealed partial class ApexChart : ComponentBase, IAsyncDisposable
{
    public const string ModulePath = "./Components/Charts/ApexChart.razor.js";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Options shared by many open pages (a data version's charts) are turned into JSON once, not once per page.
    private static readonly ConditionalWeakTable<object, string> OptionsJson = new();

    private readonly string _id = "chart-" + Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _oneCallAtATime = new(1, 1);
    private ElementReference _element;
    private IJSObjectReference? _module;
    private string? _shownJson;
    private bool _disposed;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<ApexChart> Logger { get; set; } = null!;

    /// <summary>The chart's options: a new object whenever the chart should change.</summary>
    [Parameter, EditorRequired] public object Options { get; set; } = null!;

    [Parameter] public string? AriaLabel { get; set; }

    [Parameter] public string? Class { get; set; }

    /// <summary>Called once the chart is first drawn, for a page that must wait for its charts (the printed report).</summary>
    [Parameter] public EventCallback Drawn { get; set; }

    protected override Task OnAfterRenderAsync(bool firstRender) => ShowLatestOptionsAsync();

    private async Task ShowLatestOptionsAsync()
    {
        var firstDrawn = false;
        await _oneCallAtATime.WaitAsync();
        try
        {
            // New figures often leave a chart as it was (a change to ASB leaves the crime trend): nothing to send or redraw.
            var json = OptionsJson.GetValue(Options, o => JsonSerializer.Serialize(o, JsonOptions));
            if (_disposed || json == _shownJson) return;
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            firstDrawn = _shownJson is null;
            if (firstDrawn) await _module.InvokeVoidAsync("init", _element, _id, json);
            else await _module.InvokeVoidAsync("update", _id, json);
            _shownJson = json;
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "A chart could not be drawn");
        }
        catch (Exception exception) when (IsCircuitGone(exception))
        {
        }
        finally
        {
            _oneCallAtATime.Release();
        }
        if (firstDrawn && _shownJson is not null) await Drawn.InvokeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _oneCallAtATime.WaitAsync();
        try
        {
            _disposed = true;
            if (_module is null) return;
            await _module.InvokeVoidAsync("destroy", _id);
            await _module.DisposeAsync();
        }
        catch (Exception exception) when (IsCircuitGone(exception))
        {
            // The browser has gone, and the chart with it.
        }
        catch (JSException exception)
        {
            Logger.LogDebug(exception, "A chart could not be destroyed; its element had already gone");
        }
        finally
        {
            _module = null;
            _oneCallAtATime.Release();
        }
    }

    private static bool IsCircuitGone(Exception exception) =>
        exception is JSDisconnectedException or TaskCanceledException or ObjectDisposedException;
}
