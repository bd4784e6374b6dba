using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Components.ActionPlan;

/// <summary>The component context with the real action plan service over a database holding the 2023-24 plan, and the fake figures.</summary>
public abstract class PlanComponentTestContext : DataComponentTestContext
{
    public const string Officer = "Test officer";

    protected IActionPlanService Plans { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PlanLoader.LoadIfEmptyAsync(Database.DbFactory, TimeProvider.System);
        // The plan's linked figures come from the fake figures, like the rest of the page's.
        Plans = new ActionPlanService(Database.DbFactory, Figures, TimeProvider.System, new AuditLog(Database.DbFactory, TimeProvider.System));
        Services.AddSingleton(Plans);
        // The officer is a Manager: every row of the return can be edited and a quarter started.
        Authorization.SetAuthorized(Officer);
        Authorization.SetRoles(Roles.Manager);
        Authorization.SetPolicies(Policies.View, Policies.EditReturns, Policies.Manage);
    }
}
