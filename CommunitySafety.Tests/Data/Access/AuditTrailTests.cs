using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Access;

public class AuditTrailTests
{
    [Fact]
    public async Task An_entry_cannot_be_changed_or_removed_and_its_csv_never_runs_as_a_formula()
    {
        await using var db = await TestDatabase.CreateAsync();
        var audit = db.Services.GetRequiredService<AuditLog>();
        await audit.WriteAsync(new AuditActor(null, "=HYPERLINK(\"http://x\")", "10.0.0.1"), AuditKinds.FailedSignIn, "Sign-in as a, b", AuditOutcomes.Refused);

        await using (var context = await db.Services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>().CreateDbContextAsync())
        {
            var update = await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Outcome = 'done'"));
            Assert.Contains("The audit trail cannot be changed.", update.Message);
            var delete = await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));
            Assert.Contains("The audit trail cannot be changed.", delete.Message);
        }

        var rows = await audit.QueryAsync(new AuditFilter(Person: "hyperlink", Kind: AuditKinds.FailedSignIn));
        var line = AuditLog.ToCsv(rows).Split("\r\n")[1];
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\")\",10.0.0.1,failed sign-in,\"Sign-in as a, b\",refused", line);
    }
}
