using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage.EntityConfigurations;

// Who may do what: the users beside Identity's own tables, their API keys and one-time links, and the audit trail.

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> user)
    {
        user.Ignore(u => u.Name);
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.LeadName).HasMaxLength(200);
        user.HasIndex(u => u.LeadName);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.UserId);
        key.HasOne<DashboardUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        key.Property(k => k.Name).HasMaxLength(100);
    }
}

internal sealed class OneTimeLinkConfiguration : IEntityTypeConfiguration<OneTimeLink>
{
    public void Configure(EntityTypeBuilder<OneTimeLink> link)
    {
        link.HasIndex(l => l.Hash).IsUnique();
        link.Property(l => l.Purpose).HasConversion<int>();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasIndex(e => e.AtUtc);
        entry.HasIndex(e => e.Kind);
        entry.HasIndex(e => e.Person);
    }
}
