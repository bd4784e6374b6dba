using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage.EntityConfigurations;

// The police figures as stored: aggregated facts by month and beat, the beats, and the change log live pages follow.

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> area)
    {
        area.Property(a => a.Name).HasMaxLength(200).UseCollation("NOCASE");
        area.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class BeatConfiguration : IEntityTypeConfiguration<Beat>
{
    public void Configure(EntityTypeBuilder<Beat> beat)
    {
        beat.Property(b => b.Name).HasMaxLength(200).UseCollation("NOCASE");
        beat.HasOne<Area>().WithMany().HasForeignKey(b => b.AreaId);
        beat.HasIndex(b => new { b.AreaId, b.Name }).IsUnique();
    }
}

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> fact)
    {
        fact.HasIndex(f => new { f.ImportId, f.Month });
        fact.HasOne<ImportRecord>().WithMany().HasForeignKey(f => f.ImportId);
        fact.HasOne<Beat>().WithMany().HasForeignKey(f => f.BeatId);
        fact.Property(f => f.Category).HasConversion<int>();
    }
}

internal sealed class PopulationConfiguration : IEntityTypeConfiguration<PopulationEstimate>
{
    public void Configure(EntityTypeBuilder<PopulationEstimate> population)
    {
        population.ToTable("Populations");
        population.HasIndex(p => p.ImportId);
        population.HasOne<ImportRecord>().WithMany().HasForeignKey(p => p.ImportId);
        population.Property(p => p.Level).HasConversion<int>();
        population.Property(p => p.Area).HasMaxLength(200);
        population.Property(p => p.Beat).HasMaxLength(200);
    }
}

internal sealed class ComparisonGroupConfiguration : IEntityTypeConfiguration<ComparisonGroupMember>
{
    public void Configure(EntityTypeBuilder<ComparisonGroupMember> member)
    {
        member.ToTable("ComparisonGroups");
        member.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Area>().WithMany().HasForeignKey(m => m.MemberAreaId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => new { m.AreaId, m.MemberAreaId }).IsUnique();
    }
}

internal sealed class DataChangeConfiguration : IEntityTypeConfiguration<DataChangeRecord>
{
    public void Configure(EntityTypeBuilder<DataChangeRecord> change) => change.ToTable("Changes");
}
