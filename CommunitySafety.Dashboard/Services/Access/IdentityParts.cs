using System.Security.Claims;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>Identity's sign-in, except that a disabled account cannot sign in at all.</summary>
internal sealed class DashboardSignInManager(
    UserManager<DashboardUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<DashboardUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<DashboardUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<DashboardUser> confirmation)
    : SignInManager<DashboardUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(DashboardUser user) => !user.Disabled && await base.CanSignInAsync(user);
}

/// <summary>Identity's claims (id, email, roles, security stamp) and the name shown and the lead name.</summary>
internal sealed class DashboardClaimsFactory(UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessClaims.DisplayName, user.Name));
        if (!string.IsNullOrWhiteSpace(user.LeadName)) identity.AddClaim(new Claim(AccessClaims.LeadName, user.LeadName));
        return identity;
    }
}

/// <summary>
/// Checks an open page's person every minute: a disabled account, or one whose roles or password changed
/// (a new security stamp), is signed out of the page too, as the cookie is at its next check.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.Disabled) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
