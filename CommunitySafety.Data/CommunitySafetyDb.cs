using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data;

public sealed class CommunitySafetyDb(DbContextOptions<CommunitySafetyDb> options) : DbContext(options)
{
    public DbSet<Beat> Beats => Set<Beat>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<ImportMonth> ImportMonths => Set<ImportMonth>();
    public DbSet<ImportMessage> ImportMessages => Set<ImportMessage>();
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<DataChangeRecord> Changes => Set<DataChangeRecord>();
    public DbSet<PlanYear> PlanYears => Set<PlanYear>();
    public DbSet<OpccProject> OpccProjects => Set<OpccProject>();
    public DbSet<QuarterlyReturn> QuarterlyReturns => Set<QuarterlyReturn>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Beat>(beat =>
        {
            beat.Property(b => b.Name).HasMaxLength(200).UseCollation("NOCASE");
            beat.HasIndex(b => b.Name).IsUnique();
        });

        model.Entity<ImportRecord>(import =>
        {
            import.ToTable("Imports");
            import.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ImportId);
            import.HasMany(i => i.Months).WithOne().HasForeignKey(m => m.ImportId);
            import.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.ImportId);
            import.Property(i => i.Status).HasConversion<int>();
        });

        model.Entity<ImportFile>(file => file.HasIndex(f => f.Sha256));

        model.Entity<ImportMonth>(month =>
        {
            month.HasKey(m => new { m.ImportId, m.Month });
            month.HasIndex(m => m.Month);
        });

        model.Entity<Fact>(fact =>
        {
            fact.HasIndex(f => new { f.ImportId, f.Month });
            fact.HasOne<ImportRecord>().WithMany().HasForeignKey(f => f.ImportId);
            fact.HasOne<Beat>().WithMany().HasForeignKey(f => f.BeatId);
            fact.Property(f => f.Category).HasConversion<int>();
        });

        model.Entity<DataChangeRecord>(change => change.ToTable("Changes"));

        PlanModel.Configure(model);
    }
}
