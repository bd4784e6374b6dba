using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>
/// <c>Authorization: Bearer KEY</c> with a personal API key: the key's owner, with their roles. Every use is in the
/// audit trail, and so is a key that is refused. Refusals answer 401 or 403 with a sentence, never a sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts, AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>True when the request carries a bearer token, which only this scheme reads.</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request)) return AuthenticateResult.NoResult();
        var key = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var ip = Context.Connection.RemoteIpAddress?.ToString();
        var what = $"{Request.Method} {Request.Path}";
        var owner = await accounts.UseApiKeyAsync(key, Context.RequestAborted);
        if (owner is null)
        {
            await audit.WriteAsync(AuditActor.Anonymous(ip), AuditKinds.ApiKeyUse,
                $"{what} with an unknown, revoked or disabled key ({(key.Length > 10 ? key[..10] : key)}...)", AuditOutcomes.Refused, Context.RequestAborted);
            return AuthenticateResult.Fail("The API key is not known, has been revoked, or its account is disabled.");
        }
        await audit.WriteAsync(new AuditActor(owner.UserId, owner.Name, ip), AuditKinds.ApiKeyUse, $"{what} with the key \"{owner.KeyName}\"",
            cancellationToken: Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Name, owner.Name),
            new(AccessClaims.DisplayName, owner.Name),
        };
        if (owner.LeadName is not null) claims.Add(new Claim(AccessClaims.LeadName, owner.LeadName));
        claims.AddRange(owner.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiRefusals.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiRefusals.WriteAsync(Context, StatusCodes.Status403Forbidden);
}

/// <summary>The API's 401 and 403: a problem document with a sentence, instead of a redirect to the sign-in page.</summary>
public static class ApiRefusals
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Results.Problem(
            statusCode: status,
            title: status == StatusCodes.Status401Unauthorized ? "Sign-in needed" : "Not allowed",
            detail: status == StatusCodes.Status401Unauthorized
                ? "This needs a signed-in person or a valid API key (Authorization: Bearer KEY)."
                : "Your account does not have the role this needs; ask the dashboard's Admin if it should.").ExecuteAsync(context);
    }
}
