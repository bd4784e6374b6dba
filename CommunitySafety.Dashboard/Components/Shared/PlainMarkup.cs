using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// MudBlazor's look (its CSS classes) as plain markup, for text and icons that never change without new figures: a
/// component each would cost memory in every open page for nothing.
/// </summary>
public static class PlainMarkup
{
    /// <summary>An icon as MudIcon draws it, hidden from screen readers (the words beside it say the same).</summary>
    public static RenderFragment Icon(string icon, string classes) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    /// <summary>Text as MudText draws it: <paramref name="tag"/> (h2, p...) with the typography of <paramref name="typo"/> (h6, body1...).</summary>
    public static RenderFragment Text(string tag, string typo, string? classes, string? text) => builder =>
    {
        builder.OpenElement(0, tag);
        builder.AddAttribute(1, "class", $"mud-typography mud-typography-{typo} {classes}".TrimEnd());
        builder.AddContent(2, text);
        builder.CloseElement();
    };
}
