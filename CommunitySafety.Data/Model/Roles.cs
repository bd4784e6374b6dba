namespace CommunitySafety.Data.Model;

/// <summary>
/// The dashboard's roles, the one place their names are written. A person may hold several; an Admin is not a
/// Manager unless given both.
/// </summary>
public static class Roles
{
    /// <summary>Every dashboard page, the action plan, the OPCC return (read), the meeting and the pack, the read API, exports.</summary>
    public const string Viewer = "Viewer";

    /// <summary>As Viewer, and edits the OPCC return rows of the projects they lead (matched by their account's lead name).</summary>
    public const string Lead = "Lead";

    /// <summary>As Viewer, and imports, undo, the beat map, personal API keys for scripted imports.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Everything above, all plan and return edits, starting a quarter or a year.</summary>
    public const string Manager = "Manager";

    /// <summary>Users, roles and the audit log.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Lead, Analyst, Manager, Admin];

    /// <summary>The role as it is spelt here, for a name typed in any case; null when there is no such role.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(role => string.Equals(role, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"Viewer, Lead, Analyst, Manager or Admin", for sentences that list the choices.</summary>
    public static string Choices => string.Join(", ", All.Take(All.Count - 1)) + " or " + All[^1];
}
