using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Data.Access;

/// <summary>What a change to an account came to: done, or refused with a sentence; a secret to show once when one was made.</summary>
public sealed record AccountOutcome(bool Done, string Message, string? Secret = null)
{
    public static AccountOutcome Refused(string message) => new(false, message);
}

public sealed record AccountView(
    string Id, string Email, string Name, string? DisplayName, string? LeadName, IReadOnlyList<string> Roles, bool Disabled,
    DateTimeOffset? LockedOutUntil, DateTime CreatedAtUtc, DateTime? LastSignInAtUtc);

public sealed record ApiKeyView(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

/// <summary>The person an API key belongs to, with their roles, when the key is live and the account enabled.</summary>
public sealed record ApiKeyOwner(string UserId, string Name, string? LeadName, IReadOnlyList<string> Roles, string KeyName);

/// <summary>
/// The accounts: adding people, their roles and lead names, disabling, password resets by one-time link, the first
/// Admin's set-up link and personal API keys. Every change is written to the audit trail. Each call uses its own
/// scope (and so its own short-lived DbContext), so a Blazor circuit never holds one.
/// </summary>
public sealed class Accounts(IServiceScopeFactory scopes, IDbContextFactory<CommunitySafetyDb> dbFactory, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return users.Select(u => new AccountView(
            u.Id, u.Email ?? "", u.Name, u.DisplayName, u.LeadName,
            Roles.All.Where(role => roles.Any(r => r.UserId == u.Id && r.Name == role)).ToList(),
            u.Disabled, u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAtUtc, u.LastSignInAtUtc)).ToList();
    }

    public async Task<AccountView?> FindAsync(string email, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(a => string.Equals(a.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads "Analyst,Lead" into the roles as spelt here, or says which word is not a role.</summary>
    public static bool TryReadRoles(IEnumerable<string> words, out IReadOnlyList<string> roles, out string? problem)
    {
        var found = new List<string>();
        problem = null;
        foreach (var word in words.SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Roles.Find(word) is { } role) { if (!found.Contains(role)) found.Add(role); }
            else problem = $"'{word}' is not a role: the roles are {Roles.Choices}.";
        }
        roles = Roles.All.Where(found.Contains).ToList();
        return problem is null;
    }

    /// <summary>Adds a person with a password (checked against the password rules) and their roles.</summary>
    public async Task<AccountOutcome> AddAsync(
        string email, IReadOnlyList<string> roles, string password, string? leadName, string? displayName, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null) return AccountOutcome.Refused($"There is already an account for {email}.");

        var user = new DashboardUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LeadName = Blank(leadName),
            DisplayName = Blank(displayName),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return AccountOutcome.Refused(Sentence(created, $"The account for {email} was not added"));
        await EnsureRolesAsync(scope.ServiceProvider);
        if (roles.Count > 0) await users.AddToRolesAsync(user, roles);
        await audit.WriteAsync(actor, AuditKinds.UserChange,
            $"Added {email} as {Describe(roles)}{(user.LeadName is null ? "" : $", lead name {user.LeadName}")}", cancellationToken: cancellationToken);
        return new AccountOutcome(true, $"{email} was added as {Describe(roles)}.");
    }

    /// <summary>Adds, or finds, a person who signed in with their organisation's account, and gives them the roles it maps to.</summary>
    public async Task<DashboardUser?> SignInFromOrganisationAsync(
        string email, string? displayName, IReadOnlyList<string> roles, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new DashboardUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = Blank(displayName), CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return null;
            await audit.WriteAsync(actor, AuditKinds.UserChange, $"Added {email} at their first organisation sign-in", cancellationToken: cancellationToken);
        }
        if (user.Disabled) return user;
        await EnsureRolesAsync(scope.ServiceProvider);
        var current = await users.GetRolesAsync(user);
        var add = roles.Except(current).ToList();
        var remove = current.Except(roles).ToList();
        if (add.Count > 0) await users.AddToRolesAsync(user, add);
        if (remove.Count > 0) await users.RemoveFromRolesAsync(user, remove);
        if (add.Count + remove.Count > 0)
            await audit.WriteAsync(actor, AuditKinds.UserChange, $"Roles of {email} set to {Describe(roles)} by the organisation's groups", cancellationToken: cancellationToken);
        return user;
    }

    public async Task<AccountOutcome> SetRolesAsync(string email, IReadOnlyList<string> roles, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ChangeAsync(email, actor, async (users, user, services) =>
        {
            await EnsureRolesAsync(services);
            var current = await users.GetRolesAsync(user);
            var remove = current.Except(roles).ToList();
            var add = roles.Except(current).ToList();
            if (remove.Count > 0) await users.RemoveFromRolesAsync(user, remove);
            if (add.Count > 0) await users.AddToRolesAsync(user, add);
            await users.UpdateSecurityStampAsync(user); // pages open with the old roles sign in again
            return $"Roles of {user.Email} set to {Describe(roles)}";
        }, cancellationToken);

    public async Task<AccountOutcome> SetLeadNameAsync(string email, string? leadName, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ChangeAsync(email, actor, async (users, user, _) =>
        {
            user.LeadName = Blank(leadName);
            await users.UpdateAsync(user);
            return user.LeadName is null ? $"Lead name of {user.Email} removed" : $"Lead name of {user.Email} set to {user.LeadName}";
        }, cancellationToken);

    public async Task<AccountOutcome> SetDisabledAsync(string email, bool disabled, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ChangeAsync(email, actor, async (users, user, _) =>
        {
            user.Disabled = disabled;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user); // signs them out of open pages at the next check
            if (!disabled) await users.SetLockoutEndDateAsync(user, null);
            return disabled ? $"Disabled {user.Email}" : $"Enabled {user.Email}";
        }, cancellationToken);

    /// <summary>Sets a new password for a person (the command line's reset), checked against the rules.</summary>
    public async Task<AccountOutcome> SetPasswordAsync(string email, string password, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return AccountOutcome.Refused($"There is no account for {email.Trim()}.");
        var outcome = await ReplacePasswordAsync(users, user, password);
        if (!outcome.Done) return outcome;
        await audit.WriteAsync(actor, AuditKinds.UserChange, $"Password of {user.Email} reset", cancellationToken: cancellationToken);
        return new AccountOutcome(true, $"The password of {user.Email} was changed.");
    }

    /// <summary>A one-time token for a password reset link, valid for 24 hours; the Admin passes the link on.</summary>
    public async Task<AccountOutcome> CreateResetLinkAsync(string email, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(email, cancellationToken);
        if (account is null) return AccountOutcome.Refused($"There is no account for {email.Trim()}.");
        var token = await AddLinkAsync(OneTimeLinkPurpose.PasswordReset, account.Id, cancellationToken);
        await audit.WriteAsync(actor, AuditKinds.UserChange, $"Password reset link made for {account.Email}", cancellationToken: cancellationToken);
        return new AccountOutcome(true, $"A reset link for {account.Email} was made; it works once, within 24 hours.", token);
    }

    /// <summary>A one-time token to create the first Admin; null when there is any account already.</summary>
    public async Task<string?> CreateFirstAdminLinkAsync(CancellationToken cancellationToken = default) =>
        await CountAsync(cancellationToken) > 0 ? null : await AddLinkAsync(OneTimeLinkPurpose.FirstAdmin, null, cancellationToken);

    /// <summary>True while a link's token is unused and in date (and, for the first Admin's, while there are no users).</summary>
    public async Task<bool> IsLinkValidAsync(string? token, OneTimeLinkPurpose purpose, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LiveLinkAsync(db, token, purpose, cancellationToken) is not null
               && (purpose != OneTimeLinkPurpose.FirstAdmin || !await db.Users.AnyAsync(cancellationToken));
    }

    /// <summary>Uses a reset link: sets the new password and spends the link.</summary>
    public async Task<AccountOutcome> ResetPasswordWithLinkAsync(string token, string password, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await LiveLinkAsync(db, token, OneTimeLinkPurpose.PasswordReset, cancellationToken);
        if (link?.UserId is null) return AccountOutcome.Refused(ExpiredLink);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(link.UserId);
        if (user is null) return AccountOutcome.Refused(ExpiredLink);
        var outcome = await ReplacePasswordAsync(users, user, password);
        if (!outcome.Done) return outcome;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        link.UsedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor with { UserId = user.Id, Person = user.Name }, AuditKinds.UserChange,
            $"Password of {user.Email} reset with a one-time link", cancellationToken: cancellationToken);
        return new AccountOutcome(true, "Your password was changed. Sign in with it now.");
    }

    /// <summary>Uses the set-up link: the first Admin, only while there are no users at all.</summary>
    public async Task<AccountOutcome> CreateFirstAdminAsync(
        string token, string email, string password, string? displayName, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await LiveLinkAsync(db, token, OneTimeLinkPurpose.FirstAdmin, cancellationToken);
        if (link is null || await db.Users.AnyAsync(cancellationToken)) return AccountOutcome.Refused(ExpiredLink);
        var outcome = await AddAsync(email, [Roles.Admin], password, null, displayName, actor, cancellationToken);
        if (!outcome.Done) return outcome;
        link.UsedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new AccountOutcome(true, $"{email.Trim()} is the first Admin. Sign in now.");
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListApiKeysAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAtUtc, k.LastUsedAtUtc, k.RevokedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A new named key for the person; the outcome's Secret is the key, shown this once and stored only as its hash.</summary>
    public async Task<AccountOutcome> CreateApiKeyAsync(string userId, string name, AuditActor actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) return AccountOutcome.Refused("Give the key a name of up to 100 characters, such as \"nightly import\".");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return AccountOutcome.Refused("There is no such account.");
        if (await db.ApiKeys.AnyAsync(k => k.UserId == userId && k.Name == name && k.RevokedAtUtc == null, cancellationToken))
            return AccountOutcome.Refused($"You already have a key named \"{name}\"; revoke it first or choose another name.");
        var key = Secrets.NewApiKey();
        db.ApiKeys.Add(new ApiKey
        {
            UserId = userId, Name = name, Prefix = key[..10], Hash = Secrets.Hash(key), CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditKinds.ApiKey, $"API key \"{name}\" created for {user.Email}", cancellationToken: cancellationToken);
        return new AccountOutcome(true, $"The key \"{name}\" was made. Copy it now: it is not shown again.", key);
    }

    public async Task<AccountOutcome> CreateApiKeyForEmailAsync(string email, string name, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(email, cancellationToken);
        return account is null ? AccountOutcome.Refused($"There is no account for {email.Trim()}.") : await CreateApiKeyAsync(account.Id, name, actor, cancellationToken);
    }

    public async Task<AccountOutcome> RevokeApiKeyAsync(string userId, int keyId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, cancellationToken);
        if (key is null) return AccountOutcome.Refused("There is no such key.");
        if (key.RevokedAtUtc is not null) return new AccountOutcome(true, $"The key \"{key.Name}\" was already revoked.");
        key.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditKinds.ApiKey, $"API key \"{key.Name}\" revoked", cancellationToken: cancellationToken);
        return new AccountOutcome(true, $"The key \"{key.Name}\" was revoked; it no longer works.");
    }

    /// <summary>The owner of a live key on an enabled account, noting the key's use; null for anything else.</summary>
    public async Task<ApiKeyOwner?> UseApiKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!key.StartsWith(Secrets.ApiKeyPrefix, StringComparison.Ordinal)) return null;
        var hash = Secrets.Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAtUtc == null, cancellationToken);
        if (stored is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == stored.UserId, cancellationToken);
        if (user is null || user.Disabled) return null;
        stored.LastUsedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name)
            .ToListAsync(cancellationToken);
        return new ApiKeyOwner(user.Id, user.Name, user.LeadName, Roles.All.Where(roles.Contains).ToList(), stored.Name);
    }

    public static string Describe(IReadOnlyList<string> roles) => roles.Count == 0 ? "no role" : Words.And(roles);

    private const string ExpiredLink = "This link has been used already or is out of date. Ask the dashboard's Admin for a new one.";

    private async Task<AccountOutcome> ChangeAsync(
        string email, AuditActor actor, Func<UserManager<DashboardUser>, DashboardUser, IServiceProvider, Task<string>> change,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return AccountOutcome.Refused($"There is no account for {email.Trim()}.");
        var what = await change(users, user, scope.ServiceProvider);
        await audit.WriteAsync(actor, AuditKinds.UserChange, what, cancellationToken: cancellationToken);
        return new AccountOutcome(true, what + ".");
    }

    private static async Task<AccountOutcome> ReplacePasswordAsync(UserManager<DashboardUser> users, DashboardUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded) return AccountOutcome.Refused(Sentence(valid, "The password was not changed"));
        }
        if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, password);
        return added.Succeeded ? new AccountOutcome(true, "") : AccountOutcome.Refused(Sentence(added, "The password was not changed"));
    }

    private async Task<string> AddLinkAsync(OneTimeLinkPurpose purpose, string? userId, CancellationToken cancellationToken)
    {
        var token = Secrets.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.OneTimeLinks.Add(new OneTimeLink
        {
            Purpose = purpose, UserId = userId, Hash = Secrets.Hash(token), CreatedAtUtc = now, ExpiresAtUtc = now + LinkLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private async Task<OneTimeLink?> LiveLinkAsync(CommunitySafetyDb db, string token, OneTimeLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.OneTimeLinks.FirstOrDefaultAsync(
            l => l.Hash == hash && l.Purpose == purpose && l.UsedAtUtc == null && l.ExpiresAtUtc > now, cancellationToken);
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static string Sentence(IdentityResult result, string lead) =>
        $"{lead}: {string.Join(" ", result.Errors.Select(e => e.Description))}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
