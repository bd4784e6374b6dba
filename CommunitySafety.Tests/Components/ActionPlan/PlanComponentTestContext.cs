using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Tests.Data.ActionPlan;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Components.ActionPlan;

/// <summary>The component context with the real action plan service over a database holding the 2023-24 plan, and the fake figures.</summary>
public abstract class PlanComponentTestContext : ComponentTestContext, IAsyncLifetime
{
    public const string Officer = "Test officer";

    protected PlanDatabase Database { get; private set; } = null!;

    protected IActionPlanService Plans { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PlanDatabase.CreateAsync(withSampleData: false);
        Plans = new ActionPlanService(Database.DbFactory, Figures, TimeProvider.System, new AuditLog(Database.DbFactory, TimeProvider.System));
        Services.AddSingleton(Plans);
        // The officer is a Manager: every row of the return can be edited and a quarter started.
        Authorization.SetAuthorized(Officer);
        Authorization.SetRoles(Roles.Manager);
        Authorization.SetPolicies(Policies.View, Policies.EditReturns, Policies.Manage);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected void GoTo(string relativeUrl) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
}
