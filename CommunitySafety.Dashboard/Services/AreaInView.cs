namespace CommunitySafety.Dashboard.Services;

/// <summary>
/// The area a page shows: <see cref="Key"/> is what the figures are asked for (null: the home area), <see cref="Name"/>
/// how it is written, and <see cref="Problem"/> a sentence when the address asked for an area not kept.
/// </summary>
public sealed record AreaSelection(string? Key, string Name, string? Problem);

/// <summary>Turns the address's area into the area shown, and back; the home area is the default and is left out of links.</summary>
public static class AreaInView
{
    public const string AreaKey = "area";

    /// <param name="areas">Every area kept, the home area first (as IFiguresService.GetAreasAsync gives them).</param>
    public static AreaSelection Resolve(IReadOnlyList<string> areas, string? requested)
    {
        var home = areas[0];
        if (string.IsNullOrWhiteSpace(requested)) return new(null, home, null);
        var known = areas.FirstOrDefault(a => string.Equals(a, requested.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
            return new(null, home, $"The link asks for the area '{requested.Trim()}', which the dashboard does not hold. Showing {home} instead.");
        return string.Equals(known, home, StringComparison.OrdinalIgnoreCase) ? new(null, home, null) : new(known, known, null);
    }
}
