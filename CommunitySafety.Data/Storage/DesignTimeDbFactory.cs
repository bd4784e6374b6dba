using Microsoft.EntityFrameworkCore.Design;

namespace CommunitySafety.Data.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CommunitySafetyDb>
{
    public CommunitySafetyDb CreateDbContext(string[] args) => new(Database.Options("Data Source=design-time.db"));
}

/// <summary>
/// The same for PostgreSQL's migrations (`dotnet ef migrations add NAME --context PostgreSqlCommunitySafetyDb -o
/// Storage/Migrations/PostgreSQL`); no server is needed to add one.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgreSqlCommunitySafetyDb>
{
    public PostgreSqlCommunitySafetyDb CreateDbContext(string[] args) =>
        new(Database.PostgreSqlOptions("Host=localhost;Database=communitysafety_design_time"));
}
