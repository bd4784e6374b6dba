namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>
/// Who saves an edit, until the dashboard has sign-in: the setting ActionPlan:EditorName, or "Dashboard user".
/// </summary>
public sealed class EditorName(IConfiguration configuration)
{
    public const string Default = "Dashboard user";

    public string Name => configuration["ActionPlan:EditorName"] is { Length: > 0 } name ? name.Trim() : Default;
}
