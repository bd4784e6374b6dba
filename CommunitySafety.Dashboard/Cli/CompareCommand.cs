using System.Globalization;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `compare --year 2023-24 --quarter 1 --measure asb [--area A] [--group B,C] [--json]`: an area against its group of
/// similar areas, as text or as the document of GET /api/compare (areas-and-rates.md).
/// </summary>
internal static class CompareCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--year", "--quarter", "--measure", "--area", "--group", "--json", "--db");
        var year = arguments.Value("--year") ?? throw new UsageException("--year is needed, as a financial year like 2023-24.");
        var quarterText = arguments.Value("--quarter") ?? throw new UsageException("--quarter is needed: 1, 2, 3 or 4.");
        if (!FinancialQuarter.TryParseYear(year, out _))
            throw new UsageException($"--year must be a financial year like 2023-24, not '{year}'.");
        if (!int.TryParse(quarterText, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter)
            || !FinancialQuarter.TryCreate(year, quarter, out var period))
            throw new UsageException($"--quarter must be 1, 2, 3 or 4, not '{quarterText}'.");
        var measure = arguments.Value("--measure") ?? throw new UsageException("--measure is needed: asb, crime, domestic or crime-type:NAME.");
        var group = arguments.Value("--group") is { } list ? Split(list) : null;

        await using var services = await open(arguments);
        Comparison comparison;
        try
        {
            comparison = await services.GetRequiredService<IFiguresService>().GetComparisonAsync(
                new ComparisonRequest(period.Value, measure, arguments.Value("--area"), group));
        }
        catch (ComparisonProblem problem)
        {
            Console.Error.WriteLine(char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
            return CommandLine.Refused;
        }
        Console.WriteLine(arguments.Has("--json") ? SummaryJson.Serialize(comparison) : Text(comparison));
        return CommandLine.Done;
    }

    /// <summary>`compare-group [--area A] (--group B,C | --clear)`: keeps the group the area is compared with by default.</summary>
    public static async Task<int> RunGroupAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--area", "--group", "--clear", "--db");
        var list = arguments.Value("--group");
        if ((list is null) == !arguments.Has("--clear"))
            throw new UsageException("Give the group with --group A,B, or --clear to compare with every other area again.");

        await using var services = await open(arguments);
        var figures = services.GetRequiredService<IFiguresService>();
        try
        {
            var area = arguments.Value("--area");
            var kept = await figures.SetGroupAsync(area, list is null ? [] : Split(list), Environment.UserName);
            var name = area ?? services.GetRequiredService<Data.DataSettings>().Area;
            await ComparisonGroupChoice.WriteAuditAsync(services.GetRequiredService<Data.Audit.AuditLog>(), Data.Audit.AuditActor.CommandLine, name, kept);
            Console.WriteLine(kept.Count == 0
                ? $"{name} is compared with every other area."
                : $"{name} is compared with {Data.Words.And(kept)}.");
            return CommandLine.Done;
        }
        catch (ComparisonProblem problem)
        {
            Console.Error.WriteLine(char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
            return CommandLine.Refused;
        }
    }

    internal static IReadOnlyList<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The verdict in words, then a table of the areas.</summary>
    private static string Text(Comparison c)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{c.Area.Area}, {c.Measure}, Q{c.Quarter} {c.FinancialYear} year to date, against {string.Join(", ", c.Group.Areas)}");
        text.AppendLine(ComparisonWords.Verdict(c));
        if (c.Group.WithoutPopulation.Count > 0) text.AppendLine($"Left out of the group's rate for want of a population: {string.Join(", ", c.Group.WithoutPopulation)}.");
        if (!c.DataComplete) text.AppendLine($"Data incomplete: no data for {string.Join(", ", c.MissingMonths)}.");
        text.AppendLine();
        text.AppendLine($"{"",-28} {"Current",8} {"Previous",8} {"Change %",9} {"Population",11} {"Rate",7} {"95% interval",15} {"Rank",5}");
        foreach (var a in new[] { c.Area }.Concat(c.Areas))
            text.AppendLine($"{a.Area,-28} {Show(a.Current),8} {Show(a.Previous),8} {(a.ChangePercent is double p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a"),9} " +
                            $"{(a.Population is long n ? n.ToString("N0", CultureInfo.InvariantCulture) : "none"),11} {(a.Rate is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a"),7} " +
                            $"{(a.Lower95 is double lo && a.Upper95 is double up ? $"{lo:0.00}-{up:0.00}" : ""),15} {Show(a.Rank),5}");
        return text.ToString().TrimEnd();

        static string Show(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a";
    }
}

/// <summary>The verdict as a council officer reads it.</summary>
public static class ComparisonWords
{
    /// <summary>"Harborough's ASB rate, 1.43 per 1,000 residents, is lower than its group's, 3.14."</summary>
    public static string Verdict(Comparison c)
    {
        var measure = c.Measure switch
        {
            "asb" => "ASB",
            "crime" => "crime",
            "domestic" => "domestic incident",
            var m => m[(m.IndexOf(':') + 1)..],
        };
        var own = c.Area.Rate is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : null;
        var group = c.Group.Rate is double g ? g.ToString("0.00", CultureInfo.InvariantCulture) : null;
        if (own is null) return $"{c.Area.Area} has no population, so its {measure} rate cannot be compared.";
        if (group is null) return $"{c.Area.Area}'s {measure} rate is {own} per 1,000 residents; no area of its group has a population to compare it with.";
        return c.Verdict switch
        {
            "higher" => $"{c.Area.Area}'s {measure} rate, {own} per 1,000 residents, is higher than its group's, {group}.",
            "lower" => $"{c.Area.Area}'s {measure} rate, {own} per 1,000 residents, is lower than its group's, {group}.",
            _ => $"{c.Area.Area}'s {measure} rate, {own} per 1,000 residents, is similar to its group's, {group}: the difference is within what chance gives.",
        };
    }
}
