using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Access;

/// <summary>
/// Who is asking, as the services see them: their name (shown beside their edits), the plan lead name on their
/// account, their roles and where they came from. The services check what they may do with this, not only the pages.
/// </summary>
public sealed record Person(string? UserId, string Name, string? LeadName, IReadOnlyList<string> RoleNames, string? IpAddress = null)
{
    public bool Has(string role) => RoleNames.Contains(role);

    /// <summary>Imports, undo and the beat map: an Analyst, or a Manager (who may do everything an Analyst may).</summary>
    public bool MayImport => Has(Roles.Analyst) || Has(Roles.Manager);

    /// <summary>Starting a quarter's return or a year's plan, and every return row.</summary>
    public bool IsManager => Has(Roles.Manager);

    /// <summary>A Manager edits every row; a Lead the rows of the projects whose plan lead names their lead name.</summary>
    public bool MayEditReturnOf(string? projectLead) => IsManager || (Has(Roles.Lead) && LeadNames.Matches(projectLead, LeadName));

    public AuditActor Actor => new(UserId, Name, IpAddress);
}

/// <summary>
/// How a plan's Lead column is matched to an account's lead name: the whole text, or one of its parts where the plan
/// names several ("CS Team/Police", "LFRS &amp; CS Team", "CS Team and Police"), trimmed and in any case.
/// </summary>
public static class LeadNames
{
    private static readonly string[] Separators = ["/", "&", ",", " and ", " plus "];

    public static bool Matches(string? planLead, string? leadName)
    {
        if (string.IsNullOrWhiteSpace(planLead) || string.IsNullOrWhiteSpace(leadName)) return false;
        var wanted = leadName.Trim();
        return Parts(planLead).Any(part => string.Equals(part, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static IEnumerable<string> Parts(string planLead) =>
        planLead.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(planLead.Trim());
}
