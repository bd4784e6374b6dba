using System.Globalization;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>`summary --year 2023-24 --quarter 1 [--json]`: the year-to-date figures, as text or as the contract's JSON.</summary>
internal static class SummaryCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        arguments.AllowOnly("--year", "--quarter", "--json", "--db", "--area");
        var year = arguments.Value("--year") ?? throw new UsageException("--year is needed, as a financial year like 2023-24.");
        var quarterText = arguments.Value("--quarter") ?? throw new UsageException("--quarter is needed: 1, 2, 3 or 4.");
        if (!FinancialQuarter.TryParseYear(year, out _))
            throw new UsageException($"--year must be a financial year like 2023-24, not '{year}'.");
        if (!int.TryParse(quarterText, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter)
            || !FinancialQuarter.TryCreate(year, quarter, out var period))
            throw new UsageException($"--quarter must be 1, 2, 3 or 4, not '{quarterText}'.");

        await using var services = await open(arguments);
        var figures = services.GetRequiredService<IFiguresService>();
        var area = arguments.Value("--area");
        var summary = area is null ? await figures.GetSummaryAsync(period.Value) : await figures.GetAreaSummaryAsync(area, period.Value);
        if (summary is null)
        {
            Console.Error.WriteLine($"There is no area called {area} in this database. The areas are {string.Join(", ", await figures.GetAreasAsync())}.");
            return CommandLine.Refused;
        }
        Console.WriteLine(arguments.Has("--json") ? SummaryJson.Serialize(summary) : SummaryText.Write(summary));
        return CommandLine.Done;
    }
}

/// <summary>The summary as a plain-text report for a terminal.</summary>
internal static class SummaryText
{
    public static string Write(Summary s)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{s.Area}: Q{s.Quarter} {s.FinancialYear} year to date ({s.Current.From} to {s.Current.To}) against {s.Previous.From} to {s.Previous.To}");
        text.AppendLine(s.DataComplete ? "Data complete." : $"Data incomplete: no data for {string.Join(", ", s.MissingMonths)}.");
        text.AppendLine();
        text.AppendLine($"{"",-40} {"Current",8} {"Previous",8} {"Change",7} {"Change %",9}  Significance");
        Row(text, "ASB incidents", s.Asb);
        Row(text, "Total crime", s.Crime);
        Row(text, "Domestic incidents", s.Domestic);
        if (s.CrimeTypes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Crime types");
            foreach (var type in s.CrimeTypes) Row(text, "  " + type.Name, new Measure(type.Current, type.Previous, type.Change, type.ChangePercent, type.Z, type.Significance));
        }
        if (s.Beats.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Beats (crime)");
            foreach (var beat in s.Beats) Row(text, "  " + beat.Name, beat.Crime);
        }
        if (s.Narrative.Count > 0)
        {
            text.AppendLine();
            foreach (var sentence in s.Narrative) text.AppendLine(sentence);
        }
        return text.ToString().TrimEnd();
    }

    private static void Row(System.Text.StringBuilder text, string name, Measure? m)
    {
        if (m is null)
        {
            text.AppendLine($"{name,-40} no data for this period");
            return;
        }
        var percent = m.ChangePercent is double p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
        text.AppendLine($"{name,-40} {m.Current,8:N0} {m.Previous,8:N0} {m.Change,7:+#,0;-#,0;0} {percent,9}  {Significance(m)}");
    }

    private static string Significance(Measure m) => m.Significance switch
    {
        Data.Model.Significance.Real => $"real change (z {m.Z:0.00})",
        Data.Model.Significance.Possible => $"possible change (z {m.Z:0.00})",
        _ => $"within normal variation (z {m.Z:0.00})",
    };
}
