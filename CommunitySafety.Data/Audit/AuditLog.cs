using System.Text;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Audit;

/// <summary>The kinds of audit entry, as the Admin page and `audit` show and filter them.</summary>
public static class AuditKinds
{
    public const string SignIn = "sign-in";
    public const string FailedSignIn = "failed sign-in";
    public const string LockOut = "lock-out";
    public const string SignOut = "sign-out";
    public const string Import = "import";
    public const string Undo = "undo";
    public const string BeatMap = "beat map";
    public const string ReturnEdit = "return edit";
    public const string PlanStart = "plan start";
    public const string PlanEdit = "plan edit";
    public const string Progress = "progress";
    public const string MeasureValues = "measure values";
    public const string ReturnExport = "return export";
    public const string ApiKey = "API key";
    public const string ApiKeyUse = "API key use";
    public const string UserChange = "user change";
    public const string ComparisonGroup = "comparison group";
    public const string PlanImport = "plan import";
    public const string PlanExport = "plan export";

    public static readonly IReadOnlyList<string> All =
        [SignIn, FailedSignIn, LockOut, SignOut, Import, Undo, BeatMap, ReturnEdit, PlanStart, PlanEdit, Progress, MeasureValues, ReturnExport, ApiKey, ApiKeyUse, UserChange, ComparisonGroup, PlanImport, PlanExport];
}

/// <summary>The outcome words of an entry.</summary>
public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

/// <summary>Who did something and from where: a signed-in person, an API key's owner, or the command line.</summary>
public sealed record AuditActor(string? UserId, string Person, string? IpAddress)
{
    /// <summary>The command line on the server, named by the operating system's user.</summary>
    public static AuditActor CommandLine => new(null, $"command line ({Environment.UserName})", null);

    /// <summary>A person not signed in (a failed sign-in names the email typed in <c>What</c>).</summary>
    public static AuditActor Anonymous(string? ipAddress) => new(null, "not signed in", ipAddress);
}

/// <summary>What the Admin page and `audit` ask for: each part optional.</summary>
public sealed record AuditFilter(string? Person = null, string? Kind = null, DateOnly? Since = null, DateOnly? Until = null, int Limit = 1000);

public sealed record AuditRow(long Id, DateTime AtUtc, string Person, string? IpAddress, string Kind, string What, string Outcome);

/// <summary>
/// The audit trail: entries are added, read and exported, never changed or removed (the database refuses an
/// update or delete of AuditEntries, see the AccessAndAudit migration).
/// </summary>
public sealed class AuditLog(IDbContextFactory<CommunitySafetyDb> dbFactory, TimeProvider time)
{
    public async Task WriteAsync(AuditActor actor, string kind, string what, string outcome = AuditOutcomes.Done, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            Person = actor.Person,
            IpAddress = actor.IpAddress,
            Kind = kind,
            What = what,
            Outcome = outcome,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first: the person matches any part of the name (case-insensitively), the dates are whole UTC days.</summary>
    public async Task<IReadOnlyList<AuditRow>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditEntry> entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim().ToLower();
            entries = entries.Where(e => e.Person.ToLower().Contains(person));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind)) entries = entries.Where(e => e.Kind == filter.Kind);
        if (filter.Since is { } since)
        {
            var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.AtUtc >= from);
        }
        if (filter.Until is { } until)
        {
            var before = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.AtUtc < before);
        }
        return await entries.OrderByDescending(e => e.Id).Take(filter.Limit)
            .Select(e => new AuditRow(e.Id, e.AtUtc, e.Person, e.IpAddress, e.Kind, e.What, e.Outcome))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The rows as CSV, with the same guard against spreadsheet formulas as every other export.</summary>
    public static string ToCsv(IEnumerable<AuditRow> rows)
    {
        var csv = new StringBuilder("When (UTC),Person,IP address,Kind,What,Outcome\r\n");
        foreach (var row in rows)
        {
            csv.Append(row.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvCells.Text(row.Person)).Append(',')
                .Append(CsvCells.Text(row.IpAddress)).Append(',')
                .Append(CsvCells.Text(row.Kind)).Append(',')
                .Append(CsvCells.Text(row.What)).Append(',')
                .Append(CsvCells.Text(row.Outcome)).Append("\r\n");
        }
        return csv.ToString();
    }
}
