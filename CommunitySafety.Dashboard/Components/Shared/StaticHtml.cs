using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// Markup that never changes without new figures, rendered once to HTML (encoded as Blazor encodes it) and shared by
/// every open page as one string: each page keeps and redraws a single markup frame instead of a frame per row and
/// cell. What it renders must need no services and no events; interactive parts stay components around it.
/// </summary>
public static class StaticHtml
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    public static async Task<MarkupString> RenderAsync(RenderFragment content)
    {
        // A renderer keeps every component it has rendered until it is disposed, so each rendering has its own (they are rare:
        // once per version of the data and way of showing it).
        await using var renderer = new HtmlRenderer(NoServices, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FragmentView>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FragmentView.Content)] = content }));
            return new MarkupString(output.ToHtmlString());
        });
    }

    private sealed class FragmentView : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
