using Microsoft.EntityFrameworkCore.Design;

namespace CommunitySafety.Data.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CommunitySafetyDb>
{
    public CommunitySafetyDb CreateDbContext(string[] args) => new(Database.Options("Data Source=design-time.db"));
}
