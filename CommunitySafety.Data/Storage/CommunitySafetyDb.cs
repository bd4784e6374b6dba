using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// The database: its tables here, how each is mapped in <c>EntityConfigurations/</c>. This type is SQLite's (its
/// migrations are in Migrations/); <see cref="PostgreSqlCommunitySafetyDb"/> derives from it for PostgreSQL's own.
/// </summary>
public class CommunitySafetyDb : IdentityDbContext<DashboardUser>
{
    public CommunitySafetyDb(DbContextOptions<CommunitySafetyDb> options) : base(options) { }

    protected CommunitySafetyDb(DbContextOptions options) : base(options) { }

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<PopulationEstimate> Populations => Set<PopulationEstimate>();
    public DbSet<ComparisonGroupMember> ComparisonGroups => Set<ComparisonGroupMember>();
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
    public DbSet<ActionProgress> ActionProgress => Set<ActionProgress>();
    public DbSet<PlanEdit> PlanEdits => Set<PlanEdit>();
    public DbSet<PartnershipMeasure> PartnershipMeasures => Set<PartnershipMeasure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OneTimeLink> OneTimeLinks => Set<OneTimeLink>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model); // Identity's users, roles, claims, logins and tokens
        model.ApplyConfigurationsFromAssembly(typeof(CommunitySafetyDb).Assembly);
    }
}
