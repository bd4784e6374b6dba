using System.Security.Claims;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>
/// Authentication:Oidc: sign-in with the organisation's OpenID Connect provider (Microsoft Entra ID or another),
/// on when Authority and ClientId are set. RoleClaim names the claim holding the person's groups or roles (default
/// "groups"); RoleMap maps each of its values to one or more of the dashboard's roles ("Analyst" or "Analyst,Lead").
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string RoleClaim { get; set; } = "groups";
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation account";

    /// <summary>Scopes asked for beside openid.</summary>
    public string[] Scopes { get; set; } = ["profile", "email"];

    /// <summary>Only for a provider on this machine over plain HTTP (tests): never turn it off for a real provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The dashboard's roles the provider's claims map to, in the roles' own order.</summary>
    public IReadOnlyList<string> RolesFor(ClaimsPrincipal principal)
    {
        var mapped = principal.FindAll(RoleClaim)
            .SelectMany(claim => RoleMap.TryGetValue(claim.Value, out var roles) ? roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])
            .Select(Roles.Find)
            .OfType<string>()
            .ToHashSet();
        return Roles.All.Where(mapped.Contains).ToList();
    }

    /// <summary>The person's email as providers write it (Entra ID puts it in preferred_username when email is absent).</summary>
    public static string? EmailOf(ClaimsPrincipal principal) =>
        new[] { "email", ClaimTypes.Email, "preferred_username", "upn" }
            .Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Contains('@'));
}
