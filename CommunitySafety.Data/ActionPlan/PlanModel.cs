using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The action plan's tables, added to <see cref="CommunitySafetyDb"/>'s model.</summary>
internal static class PlanModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<PlanYear>(year =>
        {
            year.ToTable("PlanYears");
            year.HasIndex(y => y.FinancialYear).IsUnique();
            year.HasMany(y => y.Priorities).WithOne().HasForeignKey(p => p.PlanYearId).OnDelete(DeleteBehavior.Cascade);
            year.HasMany(y => y.Projects).WithOne().HasForeignKey(p => p.PlanYearId).OnDelete(DeleteBehavior.Cascade);
            year.HasMany(y => y.CommunicationPlan).WithOne().HasForeignKey(c => c.PlanYearId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<PlanPriority>(priority =>
        {
            priority.ToTable("PlanPriorities");
            priority.HasMany(p => p.HeadlineIndicators).WithOne().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.Cascade);
            priority.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<HeadlineIndicator>(indicator =>
        {
            indicator.ToTable("PlanHeadlineIndicators");
            indicator.OwnsMany(i => i.Measures, MeasureLinksAsJson);
        });

        model.Entity<PlanObjective>(objective =>
        {
            objective.ToTable("PlanObjectives");
            objective.OwnsMany(o => o.Measures, MeasureLinksAsJson);
            objective.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<PlanAction>(action =>
        {
            action.ToTable("PlanActions");
            action.OwnsMany(a => a.Measures, MeasureLinksAsJson);
        });

        model.Entity<OpccProject>(project =>
        {
            project.ToTable("OpccProjects");
            project.HasOne(p => p.Action).WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.SetNull);
            project.HasMany(p => p.Returns).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<QuarterlyReturn>(row =>
        {
            row.ToTable("QuarterlyReturns");
            row.HasIndex(r => new { r.ProjectId, r.Quarter, r.Version }).IsUnique();
            row.Property(r => r.Rag).HasConversion<string>().HasMaxLength(5);
        });

        model.Entity<CommunicationItem>(item => item.ToTable("PlanCommunicationItems"));
    }

    private static void MeasureLinksAsJson<TOwner>(OwnedNavigationBuilder<TOwner, MeasureLink> links) where TOwner : class
    {
        links.ToJson();
        links.Property(l => l.Kind).HasConversion<string>();
        links.Property(l => l.Of).HasConversion<string>();
    }
}
