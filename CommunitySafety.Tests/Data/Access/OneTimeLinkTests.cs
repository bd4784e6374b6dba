using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Data.Access;

/// <summary>The first Admin's set-up link and password reset links: each works once, and the set-up only while there are no users.</summary>
public class OneTimeLinkTests
{
    private const string Password = "Correct-horse-7-battery";

    [Fact]
    public async Task The_set_up_link_makes_the_first_admin_once_and_then_there_is_none()
    {
        await using var db = await TestDatabase.CreateAsync();
        var accounts = db.Services.GetRequiredService<Accounts>();

        var token = await accounts.CreateFirstAdminLinkAsync();
        Assert.NotNull(token);
        Assert.False((await accounts.CreateFirstAdminAsync("not-the-token", "ann@council.example", Password, "Ann", AuditActor.Anonymous(null))).Done);

        var created = await accounts.CreateFirstAdminAsync(token, "ann@council.example", Password, "Ann", AuditActor.Anonymous(null));
        Assert.True(created.Done, created.Message);
        Assert.Equal([Roles.Admin], Assert.Single(await accounts.ListAsync()).Roles);

        var again = await accounts.CreateFirstAdminAsync(token, "eve@council.example", Password, "Eve", AuditActor.Anonymous(null));
        Assert.Equal("This link has been used already or is out of date. Ask the dashboard's Admin for a new one.", again.Message);
        Assert.Null(await accounts.CreateFirstAdminLinkAsync());
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_checked_against_the_rules()
    {
        await using var db = await TestDatabase.CreateAsync();
        var accounts = db.Services.GetRequiredService<Accounts>();
        Assert.True((await accounts.AddAsync("sam@council.example", [Roles.Viewer], Password, null, null, AuditActor.CommandLine)).Done);

        var link = await accounts.CreateResetLinkAsync("sam@council.example", AuditActor.CommandLine);
        Assert.True(await accounts.IsLinkValidAsync(link.Secret, OneTimeLinkPurpose.PasswordReset));
        var weak = await accounts.ResetPasswordWithLinkAsync(link.Secret!, "short", AuditActor.Anonymous(null));
        Assert.StartsWith("The password was not changed: Passwords must be at least 12 characters.", weak.Message);

        Assert.True((await accounts.ResetPasswordWithLinkAsync(link.Secret!, "Another-horse-8-battery", AuditActor.Anonymous(null))).Done);
        Assert.False(await accounts.IsLinkValidAsync(link.Secret, OneTimeLinkPurpose.PasswordReset));
        Assert.False((await accounts.ResetPasswordWithLinkAsync(link.Secret!, "Third-horse-9-battery", AuditActor.Anonymous(null))).Done);

        var audit = await db.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditFilter(Kind: AuditKinds.UserChange));
        Assert.Contains(audit, e => e.What == "Password of sam@council.example reset with a one-time link" && e.Person == "sam@council.example");
    }
}
