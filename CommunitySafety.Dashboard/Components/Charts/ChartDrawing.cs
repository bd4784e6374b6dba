using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// One apexcharts chart kept in step with the latest options, for the component that holds its element (a chart card
/// draws its own element rather than keep a chart component in every open page). Each call sends the latest options
/// (one call at a time, so a slow update can never overwrite a newer one); dispose destroys the chart and tolerates a
/// circuit that has already gone.
/// </summary>
public sealed class ChartDrawing(IJSRuntime js, ILogger logger) : IAsyncDisposable
{
    public const string ModulePath = "./Components/Charts/ApexChart.razor.js";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Options shared by many open pages (a data version's charts) are turned into JSON once, not once per page.
    private static readonly ConditionalWeakTable<object, string> OptionsJson = new();

    private readonly SemaphoreSlim _oneCallAtATime = new(1, 1);
    private IJSObjectReference? _module;
    private string? _shownJson;
    private bool _disposed;

    /// <summary>The id the chart's element carries.</summary>
    public string Id { get; } = "chart-" + Guid.NewGuid().ToString("N");

    /// <summary>Draws <paramref name="options"/> in <paramref name="element"/>, or updates the chart drawn there; true when this drew it first.</summary>
    public async Task<bool> ShowAsync(ElementReference element, object options)
    {
        await _oneCallAtATime.WaitAsync();
        try
        {
            // New figures often leave a chart as it was (a change to ASB leaves the crime trend): nothing to send or redraw.
            var json = OptionsJson.GetValue(options, o => JsonSerializer.Serialize(o, JsonOptions));
            if (_disposed || json == _shownJson) return false;
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            var first = _shownJson is null;
            if (first) await _module.InvokeVoidAsync("init", element, Id, json);
            else await _module.InvokeVoidAsync("update", Id, json);
            _shownJson = json;
            return first;
        }
        catch (JSException exception)
        {
            logger.LogWarning(exception, "A chart could not be drawn");
            return false;
        }
        catch (Exception exception) when (IsCircuitGone(exception))
        {
            return false;
        }
        finally
        {
            _oneCallAtATime.Release();
        }
    }

    /// <summary>The chart's element has left the page (its table shown instead): destroy the chart; the next show draws afresh.</summary>
    public async Task HideAsync()
    {
        await _oneCallAtATime.WaitAsync();
        try
        {
            if (_shownJson is null || _module is null) return;
            _shownJson = null;
            await _module.InvokeVoidAsync("destroy", Id);
        }
        catch (Exception exception) when (IsCircuitGone(exception) || exception is JSException)
        {
            // The chart went with its element.
        }
        finally
        {
            _oneCallAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _oneCallAtATime.WaitAsync();
        try
        {
            _disposed = true;
            if (_module is null) return;
            await _module.InvokeVoidAsync("destroy", Id);
            await _module.DisposeAsync();
        }
        catch (Exception exception) when (IsCircuitGone(exception))
        {
            // The browser has gone, and the chart with it.
        }
        catch (JSException exception)
        {
            logger.LogDebug(exception, "A chart could not be destroyed; its element had already gone");
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
