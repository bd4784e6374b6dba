using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CsvHelper;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>A row of a measures file: a measure, a financial quarter and its value.</summary>
public sealed record MeasureRow(int Line, string Measure, FinancialQuarter Quarter, int Value);

/// <summary>
/// Reads a partnership measures CSV (<c>measure, quarter, value</c>) through the police imports' own CSV reader, so it
/// meets the same limits and refusals: every problem named by line, column, the value found and what was expected.
/// </summary>
public static partial class MeasureCsv
{
    /// <summary>The most rows a measures file may have: ten years of a hundred measures, and more.</summary>
    public const int MaxRows = 20_000;

    private static readonly Column MeasureColumn = new("Measure", "Measure name", "Success measure");
    private static readonly Column QuarterColumn = new("Quarter", "Period");
    private static readonly Column ValueColumn = new("Value", "Count", "Number");

    /// <summary>The rows of the file, or every problem with it (and no rows).</summary>
    public static (IReadOnlyList<MeasureRow> Rows, IReadOnlyList<ImportError> Errors, int TotalErrors) Read(string path, string fileName, IReadOnlyCollection<string> measureNames)
    {
        var rows = new List<MeasureRow>();
        var collector = CsvFileReader.Read(
            ImportSource.FromFile(path, fileName),
            () => { rows.Clear(); return new FileCollector(fileName, ImportLimits.ErrorsListed); },
            (normalized, original, collector) => Start(normalized, original, collector, rows, measureNames));
        return collector.TotalErrors > 0 ? ([], collector.Errors, collector.TotalErrors) : (rows, [], 0);
    }

    private static IRowReader? Start(string[] normalized, string[] original, FileCollector collector, List<MeasureRow> rows, IReadOnlyCollection<string> measureNames)
    {
        var columns = new[] { MeasureColumn, QuarterColumn, ValueColumn };
        if (columns.Any(c => c.FindIn(normalized) < 0))
        {
            collector.AddError(1, null, null,
                $"A measures file has the columns measure, quarter and value. The columns found are: {CsvFileReader.ListForPeople(original)}.");
            return null;
        }
        if (Column.Ambiguity(columns, normalized, original) is { } ambiguity)
        {
            collector.AddError(1, null, null, ambiguity);
            return null;
        }
        return new Rows(collector, rows, measureNames, MeasureColumn.FindIn(normalized), QuarterColumn.FindIn(normalized), ValueColumn.FindIn(normalized));
    }

    /// <summary>"Q1 2023-24", "2023-24 Q1", "Q1 2023/24": a quarter of a financial year.</summary>
    public static bool TryParseQuarter(string? text, out FinancialQuarter quarter)
    {
        quarter = default;
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var number = int.Parse(match.Groups["q1"].Success ? match.Groups["q1"].Value : match.Groups["q2"].Value, CultureInfo.InvariantCulture);
        var year = match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value;
        if (!FinancialQuarter.TryParseYear(year.Replace('/', '-'), out var startYear)) return false;
        quarter = new FinancialQuarter(startYear, number);
        return true;
    }

    [GeneratedRegex(@"^(?:Q(?<q1>[1-4])\s+(?<y1>\d{4}[-/]\d{2})|(?<y2>\d{4}[-/]\d{2})\s+Q(?<q2>[1-4]))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    private sealed class Rows(FileCollector collector, List<MeasureRow> rows, IReadOnlyCollection<string> measureNames, int measure, int quarter, int value) : IRowReader
    {
        private readonly Dictionary<(string, FinancialQuarter), int> _seen = [];
        private readonly HashSet<string> _names = new(measureNames, StringComparer.OrdinalIgnoreCase);

        public void ReadRow(CsvReader row, int line)
        {
            if (collector.RowsRead > MaxRows)
            {
                if (collector.RowsRead == MaxRows + 1)
                    collector.AddError(line, null, null, $"The file has more than {MaxRows:N0} rows; a measures file is far smaller. Check that this is the right file.");
                return;
            }
            var name = (row.GetString(measure) ?? "").Trim();
            var quarterText = (row.GetString(quarter) ?? "").Trim();
            var valueText = (row.GetString(value) ?? "").Trim();
            var ok = true;
            if (!_names.Contains(name))
            {
                ok = false;
                collector.AddError(line, "measure", Cut(name), _names.Count == 0
                    ? "a measure the partnership records, but none has been set up yet (add one to an action on the plan's editing page)"
                    : $"one of the measures the partnership records: {CsvFileReader.ListForPeople(_names.Order(StringComparer.OrdinalIgnoreCase).ToArray())}");
            }
            if (!TryParseQuarter(quarterText, out var parsed))
            {
                ok = false;
                collector.AddError(line, "quarter", Cut(quarterText), "a financial quarter such as Q1 2023-24");
            }
            if (!ActionPlanService.TryParseMeasureValue(valueText, out var number, out var problem) || number is null)
            {
                ok = false;
                collector.AddError(line, "value", Cut(valueText), problem ?? "a whole number from 0 up; the value is empty");
            }
            if (!ok) return;
            if (_seen.TryGetValue((name.ToLowerInvariant(), parsed), out var earlier))
            {
                collector.AddError(line, "(the whole row)", $"{Cut(name)}, {parsed}", $"one value per measure and quarter; line {earlier} already gives {name} for {parsed}");
                return;
            }
            _seen[(name.ToLowerInvariant(), parsed)] = line;
            rows.Add(new MeasureRow(line, name, parsed, number!.Value));
        }

        private static string Cut(string text) => text.Length <= ImportLimits.MaxNameLength ? text : text[..ImportLimits.MaxNameLength] + "...";
    }
}
