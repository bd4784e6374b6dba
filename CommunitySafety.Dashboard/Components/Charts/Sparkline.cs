using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Charts;

/// <summary>
/// A small trend line for a table row, drawn as an SVG line in the page's own markup: no chart component, no script,
/// nothing kept per row in the server's memory but the line itself. Its label spells out where the line starts and
/// ends; the line takes the theme's primary colour, so it follows the light and dark themes.
/// </summary>
public static class Sparkline
{
    public const int Width = 120;
    public const int Height = 36;
    private const double Margin = 2;

    // A data version's trends are shared by every open page, and so is the line drawn from each.
    private static readonly ConditionalWeakTable<IReadOnlyList<int?>, string> Paths = new();

    public static RenderFragment Draw(IReadOnlyList<int?> values, string description) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "sparkline");
        builder.AddAttribute(2, "role", "img");
        builder.AddAttribute(3, "aria-label", description);
        builder.AddAttribute(4, "width", Width);
        builder.AddAttribute(5, "height", Height);
        builder.AddAttribute(6, "viewBox", $"0 0 {Width} {Height}");
        builder.AddAttribute(7, "focusable", "false");
        builder.OpenElement(8, "path");
        builder.AddAttribute(9, "d", Paths.GetValue(values, Path));
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// The line's SVG path: points spread evenly across the width, the lowest value at the bottom and the highest at the
    /// top; a missing value breaks the line, and a point with no neighbour is a dot.
    /// </summary>
    public static string Path(IReadOnlyList<int?> values)
    {
        var known = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (known.Count == 0) return "";
        double min = known.Min(), max = known.Max();
        var step = values.Count > 1 ? (Width - 2 * Margin) / (values.Count - 1) : 0;
        var path = new StringBuilder();
        var drawing = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                drawing = false;
                continue;
            }
            var x = values.Count > 1 ? Margin + i * step : Width / 2.0;
            var y = max == min ? Height / 2.0 : Height - Margin - (value - min) / (max - min) * (Height - 2 * Margin);
            var lonely = !drawing && (i + 1 >= values.Count || values[i + 1] is null);
            path.Append(CultureInfo.InvariantCulture, $"{(drawing ? "L" : "M")}{x:0.#},{y:0.#}");
            if (lonely) path.Append("h0.1");
            drawing = true;
        }
        return path.ToString();
    }
}
