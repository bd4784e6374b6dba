using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage.EntityConfigurations;

// An import and what it records: its files, the months it holds and its messages.

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> import)
    {
        import.ToTable("Imports");
        import.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ImportId);
        import.HasMany(i => i.Months).WithOne().HasForeignKey(m => m.ImportId);
        import.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.ImportId);
        import.Property(i => i.Status).HasConversion<int>();
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> file) => file.HasIndex(f => f.Sha256);
}

internal sealed class ImportMonthConfiguration : IEntityTypeConfiguration<ImportMonth>
{
    public void Configure(EntityTypeBuilder<ImportMonth> month)
    {
        month.HasKey(m => new { m.ImportId, m.AreaId, m.Month });
        month.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId);
        month.HasIndex(m => new { m.AreaId, m.Month });
    }
}
