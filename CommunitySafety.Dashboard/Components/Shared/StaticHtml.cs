using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// Markup that never changes without new figures, rendered once to HTML (encoded as Blazor encodes it) and shared by
/// every open page: each page keeps and redraws one markup frame a row instead of a frame for every element, attribute
/// and text of it. What it renders must need no services and no events; interactive parts stay components around it.
/// </summary>
public static class StaticHtml
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    /// <summary>Each fragment's HTML, in order.</summary>
    public static async Task<IReadOnlyList<string>> RenderAllAsync(IReadOnlyList<RenderFragment> contents)
    {
        // A renderer keeps every component it has rendered until it is disposed, so each call has its own (they are rare:
        // once per version of the data).
        await using var renderer = new HtmlRenderer(NoServices, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new List<string>(contents.Count);
            foreach (var content in contents)
            {
                var output = await renderer.RenderComponentAsync<FragmentView>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FragmentView.Content)] = content }));
                html.Add(output.ToHtmlString());
            }
            return html;
        });
    }

    private sealed class FragmentView : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
