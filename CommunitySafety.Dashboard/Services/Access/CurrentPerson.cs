using System.Security.Claims;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>The claims the dashboard adds to a signed-in person beside Identity's own.</summary>
public static class AccessClaims
{
    public const string DisplayName = "csd:name";
    public const string LeadName = "csd:lead";

    /// <summary>The person a principal stands for, as the services take it.</summary>
    public static Person ToPerson(ClaimsPrincipal user, string? ipAddress) =>
        user.Identity?.IsAuthenticated == true
            ? new Person(
                user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "signed-in person",
                user.FindFirstValue(LeadName),
                Roles.All.Where(user.IsInRole).ToList(),
                ipAddress)
            : new Person(null, "not signed in", null, [], ipAddress);
}

/// <summary>
/// The signed-in person of this page (a Blazor circuit or a request): who saves an edit or makes an import, and
/// what the services are told about them. Their address is taken when the circuit connects.
/// </summary>
public sealed class CurrentPerson(AuthenticationStateProvider authentication)
{
    internal string? IpAddress { get; set; }

    public async Task<Person> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return AccessClaims.ToPerson(state.User, IpAddress);
    }
}

/// <summary>Notes the browser's address in the circuit's <see cref="CurrentPerson"/>, for the audit trail.</summary>
internal sealed class CurrentPersonCircuitHandler(CurrentPerson person, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        person.IpAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
