using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>
/// Sign-in and authorisation for the web app: Identity's cookie for the pages, personal API keys for scripts, the
/// organisation's OpenID Connect provider when configured, and the policies of <see cref="Policies"/>.
/// </summary>
public static class AccessServices
{
    /// <summary>The default scheme: an API key when the request carries a bearer token, else the sign-in cookie.</summary>
    public const string CookieOrKey = "CookieOrKey";

    public static void AddDashboardAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);

        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentPerson>();
        services.AddScoped<CircuitHandler, CurrentPersonCircuitHandler>();
        services.AddSingleton<IAuthorizationHandler, ViewRequirementHandler>();
        services.AddAuthorization(Policies.Add);

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrKey;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(CookieOrKey, "Sign-in cookie or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.HasBearer(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (oidc.Enabled) AddOrganisationSignIn(authentication, oidc);
        authentication.AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "csd.signin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 with a sentence; only pages are sent to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiRefusals.IsApi(context.Request)
                ? ApiRefusals.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                : Redirect(context);
            options.Events.OnRedirectToAccessDenied = context => ApiRefusals.IsApi(context.Request)
                ? ApiRefusals.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden)
                : Redirect(context);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        new IdentityBuilder(typeof(DashboardUser), typeof(IdentityRole), services).AddSignInManager<DashboardSignInManager>();
        services.AddScoped<IUserClaimsPrincipalFactory<DashboardUser>, DashboardClaimsFactory>();
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddOrganisationSignIn(AuthenticationBuilder authentication, OidcOptions oidc) =>
        authentication.AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.MapInboundClaims = false; // keep the provider's claim names, so RoleClaim is what the provider sends
            options.TokenValidationParameters.NameClaimType = "name";
            options.Scope.Clear();
            options.Scope.Add("openid");
            foreach (var scope in oidc.Scopes) options.Scope.Add(scope);
            options.CallbackPath = "/signin-oidc";
            // The provider answers with a top-level GET (response_mode=query), which Lax cookies reach.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            if (!oidc.RequireHttpsMetadata)
            {
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessServices))
                    .LogWarning(context.Failure, "Organisation sign-in failed");
                context.Response.Redirect("/Account/Login?problem=organisation");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
}
