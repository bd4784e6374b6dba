using Microsoft.Playwright;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Every page of the dashboard at Q1 2023-24, and how to tell it has finished drawing.</summary>
public static class Pages
{
    /// <summary>A page; <see cref="Role"/> is the role to sign in with first, for a page that is not open to all.</summary>
    public sealed record DashboardPage(string Name, string Path, string ReadySelector, bool HasCharts = true, string? Role = null)
    {
        public override string ToString() => Name;
    }

    public const string Period = "year=2023-24&quarter=1";

    public static readonly DashboardPage Overview = new("overview", $"/?{Period}", ".measure-card");
    public static readonly DashboardPage Beats = new("beats", $"/beats?{Period}", ".beats-table svg.sparkline", HasCharts: false);
    public static readonly DashboardPage Beat = new("beat", $"/beats/Harborough%20North?{Period}", ".measure-card");
    public static readonly DashboardPage CrimeTypes = new("crime-types", $"/crime-types?{Period}&type=Criminal%20Damage", ".crime-types-table");

    public static readonly DashboardPage Compare = new("compare", $"/compare?{Period}", ".comparison-table", HasCharts: false);

    public static readonly DashboardPage ActionPlan = new("action-plan", $"/action-plan?{Period}", ".plan-action", HasCharts: false);
    public static readonly DashboardPage QuarterlyReturn = new("opcc-return", "/action-plan/return?year=2023-24&quarter=2", ".opcc-return");

    public static readonly DashboardPage PlanFiles = new("plan-files", "/action-plan/files?year=2023-24", ".plan-file-downloads", HasCharts: false, Role: "Manager");
    public static readonly DashboardPage PlanMeasures = new("plan-measures", $"/action-plan/measures?{Period}", ".measure-import", HasCharts: false, Role: "Lead");
    public static readonly DashboardPage PlanEditor = new("plan-editor", "/action-plan/edit?year=2023-24", ".editor-project", HasCharts: false, Role: "Manager");
    public static readonly DashboardPage MyActions = new("my-actions", "/my-actions?year=2023-24", ".my-action", HasCharts: false, Role: "Lead");

    public static readonly DashboardPage Imports = new("imports", "/imports", ".import-upload[data-ready='true']", HasCharts: false, Role: "Analyst");

    public static readonly DashboardPage Users = new("users", "/admin/users", ".users-table", HasCharts: false, Role: "Admin");
    public static readonly DashboardPage AuditTrail = new("audit-trail", "/admin/audit", ".audit-count", HasCharts: false, Role: "Admin");

    public static readonly DashboardPage[] All = [Overview, Beats, Beat, CrimeTypes, Compare, ActionPlan, QuarterlyReturn, PlanFiles, PlanMeasures, PlanEditor, MyActions, Imports, Users, AuditTrail];

    public static TheoryData<string> Names() => [.. All.Select(p => p.Name)];

    public static DashboardPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Opens the page and waits until its figures and its first chart are drawn.</summary>
    public static async Task OpenAsync(IPage page, DashboardPage dashboardPage)
    {
        await page.GotoAsync(dashboardPage.Path);
        await page.Locator(dashboardPage.ReadySelector).First.WaitForAsync();
        if (dashboardPage.HasCharts) await page.Locator(".apex-chart svg").First.WaitForAsync();
    }
}
