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
        action.HasMany(a => a.Progress).WithOne().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionProgressConfiguration : IEntityTypeConfiguration<ActionProgress>
{
    public void Configure(EntityTypeBuilder<ActionProgress> row)
    {
        row.ToTable("ActionProgress");
        row.HasIndex(r => new { r.ActionId, r.Quarter, r.Version }).IsUnique();
        row.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
    }
}

internal sealed class PlanEditConfiguration : IEntityTypeConfiguration<PlanEdit>
{
    public void Configure(EntityTypeBuilder<PlanEdit> edit)
    {
        edit.ToTable("PlanEdits");
        edit.HasIndex(e => new { e.PlanYearId, e.Item, e.ItemId });
        edit.Property(e => e.Item).HasConversion<string>().HasMaxLength(12);
        edit.HasOne<PlanYear>().WithMany().HasForeignKey(e => e.PlanYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnershipMeasureConfiguration : IEntityTypeConfiguration<PartnershipMeasure>
{
    public void Configure(EntityTypeBuilder<PartnershipMeasure> measure)
    {
        measure.ToTable("PartnershipMeasures");
        measure.Property(m => m.Name).UseCollation("NOCASE").HasMaxLength(200);
        measure.HasIndex(m => m.Name).IsUnique();
        measure.HasMany(m => m.Values).WithOne().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureValueConfiguration : IEntityTypeConfiguration<MeasureValue>
{
    public void Configure(EntityTypeBuilder<MeasureValue> value)
    {
        value.ToTable("MeasureValues");
        value.HasIndex(v => new { v.MeasureId, v.StartYear, v.Quarter }).IsUnique();
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
