using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authorization;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>
/// The authorisation policies every page and endpoint names (<c>[Authorize(Policy = Policies.X)]</c>,
/// <c>.RequireAuthorization(Policies.X)</c>): the roles table of the README in one place.
/// </summary>
public static class Policies
{
    /// <summary>The dashboard pages, the action plan, the OPCC return (read), the meeting, the pack, the read API and exports:
    /// anyone with a role, or anyone at all while Access:AnonymousViewing is on.</summary>
    public const string View = "View";

    /// <summary>Imports, undo, the beat map and the import API: an Analyst or a Manager.</summary>
    public const string Import = "Import";

    /// <summary>Offering the OPCC return's edit buttons, My actions and the measures import: a Lead or a Manager (the service checks each item's lead).</summary>
    public const string EditReturns = "EditReturns";

    /// <summary>Editing the plan, closing a quarter, starting a quarter's return or a year's plan: a Manager.</summary>
    public const string Manage = "Manage";

    /// <summary>Users, roles and the audit log: an Admin.</summary>
    public const string Admin = "Admin";

    /// <summary>One's own account page (password, API keys): anyone signed in.</summary>
    public const string SignedIn = "SignedIn";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(View, policy => policy.AddRequirements(new ViewRequirement()));
        options.AddPolicy(Import, policy => policy.RequireRole(Roles.Analyst, Roles.Manager));
        options.AddPolicy(EditReturns, policy => policy.RequireRole(Roles.Lead, Roles.Manager));
        options.AddPolicy(Manage, policy => policy.RequireRole(Roles.Manager));
        options.AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
    }
}

/// <summary>Access:AnonymousViewing (default false): when true, the Viewer pages and the read API need no sign-in.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    public bool AnonymousViewing { get; set; }
}

/// <summary>Met by anyone holding a role, and by everyone while anonymous viewing is on.</summary>
public sealed class ViewRequirement : IAuthorizationRequirement;

internal sealed class ViewRequirementHandler(Microsoft.Extensions.Options.IOptionsMonitor<AccessOptions> access) : AuthorizationHandler<ViewRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ViewRequirement requirement)
    {
        if (access.CurrentValue.AnonymousViewing || Roles.All.Any(context.User.IsInRole)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
