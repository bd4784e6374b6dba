using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// Which stored area a name means. The home area is the row flagged home, whatever it was called when written, and is
/// named by the setting Area:Name; every other area by its stored name (case-insensitively).
/// </summary>
public static class AreaNames
{
    /// <summary>The stored name of the home area until its first import names it from the setting.</summary>
    public const string HomePlaceholder = "(home area)";

    /// <summary>The id of the area named <paramref name="area"/> (null: the home area); null when no such area is stored.</summary>
    public static async Task<int?> IdOfAsync(this CommunitySafetyDb db, string? area, string homeName, CancellationToken cancellationToken = default) =>
        (await NamedAsync(db, area, homeName, cancellationToken))?.Id;

    /// <summary>
    /// The area named <paramref name="area"/> (null: the home area), with its name as shown (the setting's for the home
    /// area, the stored spelling for the others); null when no such area is stored.
    /// </summary>
    public static async Task<(int Id, string Name)?> NamedAsync(this CommunitySafetyDb db, string? area, string homeName, CancellationToken cancellationToken = default)
    {
        if (area is null || string.Equals(area.Trim(), homeName, StringComparison.OrdinalIgnoreCase)) return (Area.HomeId, homeName);
        var name = area.Trim();
        var found = await db.Areas.Where(a => !a.IsHome && a.Name == name).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Name);
    }

    /// <summary>Every stored area: the home area first (under its setting's name), then the others by name.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(this CommunitySafetyDb db, string homeName, CancellationToken cancellationToken = default)
    {
        var others = await db.Areas.Where(a => !a.IsHome).Select(a => a.Name).ToListAsync(cancellationToken);
        return [homeName, .. others.Where(n => !string.Equals(n, homeName, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase)];
    }
}
