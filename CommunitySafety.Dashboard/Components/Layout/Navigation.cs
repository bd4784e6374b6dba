namespace CommunitySafety.Dashboard.Components.Layout;

/// <summary>
/// A menu entry; <see cref="MatchWhole"/> keeps it from lighting up on pages under its address. It is shown only to
/// those the <see cref="Policy"/> (the page's own) lets in.
/// </summary>
public sealed record NavigationItem(string Title, string Href, string Icon, bool MatchWhole = false, string Policy = Services.Access.Policies.View);

/// <summary>The dashboard's pages in the order the menu lists them: add a page here to put it in the menu.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("Overview", "", MudBlazor.Icons.Material.Filled.Dashboard),
        new("Beats", "beats", MudBlazor.Icons.Material.Filled.Map),
        new("Crime types", "crime-types", MudBlazor.Icons.Material.Filled.Category),
        new("Compare", "compare", MudBlazor.Icons.Material.Filled.CompareArrows),
        new("Action plan", "action-plan", MudBlazor.Icons.Material.Filled.Checklist, MatchWhole: true),
        new("Plan measures", "action-plan/measures", MudBlazor.Icons.Material.Filled.ShowChart),
        new("Edit the plan", "action-plan/edit", MudBlazor.Icons.Material.Filled.EditNote, Policy: Services.Access.Policies.Manage),
        new("My actions", "my-actions", MudBlazor.Icons.Material.Filled.AssignmentInd, Policy: Services.Access.Policies.EditReturns),
        new("OPCC return", "action-plan/return", MudBlazor.Icons.Material.Filled.RequestQuote),
        new("Plan files", "action-plan/files", MudBlazor.Icons.Material.Filled.Description),
        new("Imports", "imports", MudBlazor.Icons.Material.Filled.UploadFile, Policy: Services.Access.Policies.Import),
        new("Meeting", "meeting", MudBlazor.Icons.Material.Filled.Slideshow),
        new("Report", "report", MudBlazor.Icons.Material.Filled.Print),
        new("Users", "admin/users", MudBlazor.Icons.Material.Filled.ManageAccounts, Policy: Services.Access.Policies.Admin),
        new("Audit trail", "admin/audit", MudBlazor.Icons.Material.Filled.History, Policy: Services.Access.Policies.Admin),
    ];
}
