using System.Globalization;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>`audit [--since 2024-01-01] [--until 2024-03-31] [--person NAME] [--kind KIND] [--json]`: the audit trail, newest first.</summary>
internal static class AuditCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--db", "--since", "--until", "--person", "--kind", "--json");
        if (arguments.Positional.Count > 0) throw new UsageException("`audit` takes options only, such as --since 2024-01-01.");
        var kind = arguments.Value("--kind");
        if (kind is not null && !AuditKinds.All.Contains(kind))
            throw new UsageException($"--kind must be one of: {string.Join(", ", AuditKinds.All)}.");
        var filter = new AuditFilter(arguments.Value("--person"), kind, Date(arguments, "--since"), Date(arguments, "--until"), Limit: int.MaxValue);

        await using var services = await open(arguments);
        var rows = await services.GetRequiredService<AuditLog>().QueryAsync(filter);
        if (arguments.Has("--json"))
        {
            Console.WriteLine(SummaryJson.Serialize(rows.Select(r => new { r.Id, at = r.AtUtc, r.Person, ip = r.IpAddress, r.Kind, r.What, r.Outcome })));
            return CommandLine.Done;
        }
        if (rows.Count == 0) Console.WriteLine("No audit entries match.");
        foreach (var r in rows)
            Console.WriteLine($"{r.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC  {r.Person}  {r.IpAddress ?? "-"}  {r.Kind}  {r.Outcome}  {r.What}");
        return CommandLine.Done;
    }

    private static DateOnly? Date(Arguments arguments, string option) =>
        arguments.Value(option) is not { } text
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new UsageException($"{option} must be a date such as 2024-01-01, not '{text}'.");
}
