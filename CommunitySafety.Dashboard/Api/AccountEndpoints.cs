using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySafety.Dashboard.Api;

/// <summary>
/// Signing out, and the organisation's OpenID Connect sign-in (its challenge and its return). The sign-in form
/// and the other account pages are components under Components/Pages/Account.
/// </summary>
public static class AccountEndpoints
{
    public const string OrganisationSignInPath = "/Account/OrganisationSignIn";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", LogoutAsync).AllowAnonymous();
        endpoints.MapGet(OrganisationSignInPath, (string? returnUrl, OidcOptions oidc) =>
            oidc.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = $"{OrganisationSignInPath}/Done?returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}" },
                    [OidcOptions.Scheme])
                : Results.Redirect("/Account/Login")).AllowAnonymous();
        endpoints.MapGet($"{OrganisationSignInPath}/Done", OrganisationSignedInAsync).AllowAnonymous();
        endpoints.MapGet("/api/audit.csv", AuditCsvAsync).RequireAuthorization(Policies.Admin);
        return endpoints;
    }

    /// <summary>Only an address on this site, so a sign-in link cannot send a person elsewhere.</summary>
    public static string LocalUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static async Task<IResult> LogoutAsync(HttpContext context, [FromForm] string? returnUrl, SignInManager<DashboardUser> signIn, AuditLog audit)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var person = AccessClaims.ToPerson(context.User, context.Connection.RemoteIpAddress?.ToString());
            await signIn.SignOutAsync();
            await audit.WriteAsync(person.Actor, AuditKinds.SignOut, $"{person.Name} signed out");
        }
        return Results.LocalRedirect($"/Account/Login?signedOut=true&returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}");
    }

    private static async Task<IResult> OrganisationSignedInAsync(
        HttpContext context, string? returnUrl, OidcOptions oidc, Accounts accounts, SignInManager<DashboardUser> signIn, AuditLog audit,
        UserManager<DashboardUser> users, TimeProvider time)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded) return Results.LocalRedirect("/Account/Login?problem=organisation");
        await context.SignOutAsync(IdentityConstants.ExternalScheme);

        var email = OidcOptions.EmailOf(external.Principal);
        if (email is null)
        {
            await audit.WriteAsync(AuditActor.Anonymous(ip), AuditKinds.FailedSignIn, "Organisation sign-in without an email address", AuditOutcomes.Refused);
            return Results.LocalRedirect("/Account/Login?problem=organisation-email");
        }
        var roles = oidc.RolesFor(external.Principal);
        var user = await accounts.SignInFromOrganisationAsync(email, external.Principal.FindFirst("name")?.Value, roles, new AuditActor(null, email, ip));
        if (user is null || user.Disabled)
        {
            await audit.WriteAsync(new AuditActor(user?.Id, email, ip), AuditKinds.FailedSignIn, $"Organisation sign-in of {email}: the account is disabled", AuditOutcomes.Refused);
            return Results.LocalRedirect("/Account/Login?problem=disabled");
        }
        user = await users.FindByIdAsync(user.Id) ?? user;
        user.LastSignInAtUtc = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
        await audit.WriteAsync(new AuditActor(user.Id, user.Name, ip), AuditKinds.SignIn,
            $"{email} signed in with their organisation account as {Accounts.Describe(roles)}");
        return Results.LocalRedirect(LocalUrl(returnUrl));
    }

    private static async Task<IResult> AuditCsvAsync(string? person, string? kind, string? since, string? until, AuditLog audit, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(person, kind, ParseDate(since), ParseDate(until), Limit: int.MaxValue);
        var rows = await audit.QueryAsync(filter, cancellationToken);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(AuditLog.ToCsv(rows)), "text/csv; charset=utf-8", "audit-trail.csv");
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
