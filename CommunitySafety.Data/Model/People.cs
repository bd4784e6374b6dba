using Microsoft.AspNetCore.Identity;

namespace CommunitySafety.Data.Model;

/// <summary>A person who signs in: Identity's user with the name shown for their edits and the lead name of the plan.</summary>
public sealed class DashboardUser : IdentityUser
{
    /// <summary>The name shown in the header and beside their edits and imports; the email address when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The plan's Lead they answer for (several accounts may share one, such as "CS Team").</summary>
    public string? LeadName { get; set; }

    /// <summary>A disabled account cannot sign in, and its API keys stop working.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>Who this person is, in words.</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}

/// <summary>A personal API key for scripted imports: stored as its SHA-256, shown once; it carries its owner's roles.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The key's first characters, so that its owner can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

public enum OneTimeLinkPurpose
{
    /// <summary>Sets a new password for one account.</summary>
    PasswordReset = 1,

    /// <summary>Creates the first Admin, when there are no users at all.</summary>
    FirstAdmin = 2,
}

/// <summary>A one-time link (a password reset or the first Admin's set-up), stored as the SHA-256 of its token.</summary>
public sealed class OneTimeLink
{
    public int Id { get; set; }
    public OneTimeLinkPurpose Purpose { get; set; }
    public string? UserId { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}

/// <summary>One line of the audit trail: who, when, from where, what and the outcome. Written once, never changed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string Person { get; set; }
    public string? IpAddress { get; set; }
    public required string Kind { get; set; }
    public required string What { get; set; }
    public required string Outcome { get; set; }
}
