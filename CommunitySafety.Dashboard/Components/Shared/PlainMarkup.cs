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

    /// <summary>
    /// A switch as MudSwitch draws it (a native checkbox with role="switch", so Space toggles it and a screen reader
    /// names it by its label), raising <paramref name="changed"/> on <paramref name="receiver"/> when toggled.
    /// </summary>
    public static RenderFragment Switch(object receiver, string label, bool on, Action<bool> changed, string classes) => builder =>
    {
        var colour = on ? "primary" : "default";
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-input-control mud-input-control-boolean-input {classes}");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "label");
        builder.AddAttribute(5, "class", "mud-switch mud-input-content-placement-end");
        builder.OpenElement(6, "span");
        builder.AddAttribute(7, "class", "mud-switch-span mud-switch-span-medium");
        builder.OpenElement(8, "span");
        builder.AddAttribute(9, "class", $"mud-button-root mud-icon-button mud-switch-base mud-{colour}-text hover:mud-{colour}-hover mud-switch-base-medium{(on ? " mud-checked" : "")}");
        builder.OpenElement(10, "span");
        builder.AddAttribute(11, "class", "mud-switch-button");
        builder.OpenElement(12, "input");
        builder.AddAttribute(13, "type", "checkbox");
        builder.AddAttribute(14, "role", "switch");
        builder.AddAttribute(15, "class", "mud-switch-input");
        builder.AddAttribute(16, "checked", on);
        builder.AddAttribute(17, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(e.Value is true)));
        builder.CloseElement();
        builder.OpenElement(18, "span");
        builder.AddAttribute(19, "class", "mud-switch-thumb-medium d-flex align-center justify-center");
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(20, "span");
        builder.AddAttribute(21, "class", $"mud-switch-track mud-{colour}");
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(22, "span");
        builder.AddAttribute(23, "class", "mud-typography mud-typography-body1");
        builder.AddContent(24, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}
