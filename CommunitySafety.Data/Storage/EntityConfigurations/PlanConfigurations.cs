using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage.EntityConfigurations;

// The action plan's tables and the OPCC returns. Lists of measure links are JSON columns, always read with their owner.

internal sealed class PlanYearConfiguration : IEntityTypeConfiguration<PlanYear>
{
    public void Configure(EntityTypeBuilder<PlanYear> year)
    {
        year.ToTable("PlanYears");
        year.HasIndex(y => y.FinancialYear).IsUnique();
        year.HasMany(y => y.Priorities).WithOne().HasForeignKey(p => p.PlanYearId).OnDelete(DeleteBehavior.Cascade);
        year.HasMany(y => y.Projects).WithOne().HasForeignKey(p => p.PlanYearId).OnDelete(DeleteBehavior.Cascade);
        year.HasMany(y => y.CommunicationPlan).WithOne().HasForeignKey(c => c.PlanYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanPriorityConfiguration : IEntityTypeConfiguration<PlanPriority>
{
    public void Configure(EntityTypeBuilder<PlanPriority> priority)
    {
        priority.ToTable("PlanPriorities");
        priority.HasMany(p => p.HeadlineIndicators).WithOne().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.Cascade);
        priority.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HeadlineIndicatorConfiguration : IEntityTypeConfiguration<HeadlineIndicator>
{
    public void Configure(EntityTypeBuilder<HeadlineIndicator> indicator)
    {
        indicator.ToTable("PlanHeadlineIndicators");
        indicator.OwnsMany(i => i.Measures, MeasureLinkColumns.AsJson);
    }
}

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> objective)
    {
        objective.ToTable("PlanObjectives");
        objective.OwnsMany(o => o.Measures, MeasureLinkColumns.AsJson);
        objective.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> action)
    {
        action.ToTable("PlanActions");
        action.OwnsMany(a => a.Measures, MeasureLinkColumns.AsJson);
    }
}

internal sealed class OpccProjectConfiguration : IEntityTypeConfiguration<OpccProject>
{
    public void Configure(EntityTypeBuilder<OpccProject> project)
    {
        project.ToTable("OpccProjects");
        project.HasOne(p => p.Action).WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.SetNull);
        project.HasMany(p => p.Returns).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarterlyReturnConfiguration : IEntityTypeConfiguration<QuarterlyReturn>
{
    public void Configure(EntityTypeBuilder<QuarterlyReturn> row)
    {
        row.ToTable("QuarterlyReturns");
        row.HasIndex(r => new { r.ProjectId, r.Quarter, r.Version }).IsUnique();
        row.Property(r => r.Rag).HasConversion<string>().HasMaxLength(5);
    }
}

internal sealed class CommunicationItemConfiguration : IEntityTypeConfiguration<CommunicationItem>
{
    public void Configure(EntityTypeBuilder<CommunicationItem> item) => item.ToTable("PlanCommunicationItems");
}

internal static class MeasureLinkColumns
{
    /// <summary>Measure links as a JSON column of their owner, kinds written as words.</summary>
    public static void AsJson<TOwner>(OwnedNavigationBuilder<TOwner, MeasureLink> links) where TOwner : class
    {
        links.ToJson();
        links.Property(l => l.Kind).HasConversion<string>();
        links.Property(l => l.Of).HasConversion<string>();
    }
}
