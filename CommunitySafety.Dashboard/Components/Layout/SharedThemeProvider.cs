using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

// RenderTreeFrame is read here only to tell markup from anything else; should Blazor change it, the fallback below
// renders MudBlazor's own way.
#pragma warning disable BL0006

namespace CommunitySafety.Dashboard.Components.Layout;

/// <summary>
/// MudBlazor's theme provider with its stylesheet shared by every open page. MudThemeProvider writes the theme's CSS
/// variables (tens of thousands of characters) afresh on each render of each page, and the page keeps that text in
/// both of its render buffers: about 120 KB an open page. The text depends only on the theme and the mode, so each
/// text is kept once and every page's render points at that one string.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>A light and a dark stylesheet, with room for a few more (another theme, the default scrollbar).</summary>
    private const int MaxKept = 16;

    private static readonly ConcurrentDictionary<string, string> Kept = new(StringComparer.Ordinal);

    /// <summary>The parameters as last passed and as last drawn: the layout renders again on every change of data, the theme need not.</summary>
    private (MudTheme? Theme, bool Dark, bool DefaultScrollbar) _passed, _drawn;
    private bool _hasDrawn;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        _passed = (
            parameters.TryGetValue<MudTheme>(nameof(Theme), out var theme) ? theme : null,
            parameters.TryGetValue<bool>(nameof(IsDarkMode), out var dark) && dark,
            parameters.TryGetValue<bool>(nameof(DefaultScrollbar), out var scrollbar) && scrollbar);
        return base.SetParametersAsync(parameters);
    }

    protected override bool ShouldRender() => !_hasDrawn || _passed != _drawn;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        (_drawn, _hasDrawn) = (_passed, true);
        // MudBlazor decides what to write (theme, mode, scrollbar); only the keeping of the text changes.
        using var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Markup)
            {
                base.BuildRenderTree(builder);
                return;
            }
        }
        // The frames are MudBlazor's, replayed: their own sequence numbers keep the diff against the last render exact.
#pragma warning disable ASP0006
        for (var i = 0; i < frames.Count; i++) builder.AddMarkupContent(frames.Array[i].Sequence, Shared(frames.Array[i].MarkupContent));
#pragma warning restore ASP0006
    }

    /// <summary>The one kept instance of <paramref name="markup"/>.</summary>
    internal static string Shared(string markup)
    {
        if (Kept.TryGetValue(markup, out var kept)) return kept;
        return Kept.Count < MaxKept ? Kept.GetOrAdd(markup, markup) : markup;
    }
}
