using System.Globalization;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Import;

/// <summary>A month the import holds, and the earlier import its live data comes from now (which this import would replace).</summary>
public sealed record PreviewMonth(string Month, int? ReplacesImportId, string? ReplacesDescription);

/// <summary>How one year-to-date figure of the latest quarter would move: null where there is no data.</summary>
public sealed record FigureMove(string Name, Measure? Before, Measure? After);

/// <summary>What importing the files would do, worked out before anything is written.</summary>
public sealed record ImportPreview(
    IReadOnlyList<ImportFormat> Formats,
    IReadOnlyList<ImportedFileReport> Files,
    IReadOnlyList<PreviewMonth> Months,
    IReadOnlyList<string> Beats,
    IReadOnlyList<string> NewBeats,
    int RowsRead,
    int RowsKept,
    int RowsSkipped,
    IReadOnlyList<CountedReason> SkipReasons,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DataQualityWarning> QualityWarnings,
    IReadOnlyList<BeatSuggestion> BeatSuggestions,
    FinancialQuarter? Quarter,
    IReadOnlyList<FigureMove> Figures)
{
    /// <summary>The areas kept that the files hold rows of, the home area first (rows of areas not kept are said in a warning).</summary>
    public IReadOnlyList<string> AreasKept { get; init; } = [];
}

/// <summary>
/// An import read and checked but not written. When <see cref="IsReady"/>, it holds the import turn until it is
/// committed (<see cref="Importer.CommitAsync"/>) or disposed; otherwise <see cref="Report"/> says why not.
/// </summary>
public sealed class PreparedImport : IDisposable
{
    private readonly Importer.Turn? _turn;
    private int _used;

    internal PreparedImport(Importer.Turn? turn) => _turn = turn;

    internal static PreparedImport Finished(ImportReport report) => new(null) { Report = report };

    /// <summary>The files can be imported; <see cref="Preview"/> says what that would change.</summary>
    public bool IsReady => _turn is not null;

    /// <summary>For a refused or unchanged import, what happened; for a ready one, null until committed.</summary>
    public ImportReport Report { get; private init; } = null!;

    public ImportPreview Preview { get; internal set; } = null!;

    internal ImportRequest Request { get; init; } = null!;
    internal ImportReading Reading { get; init; } = null!;
    internal IReadOnlyList<NewImportMonth> Months { get; init; } = [];
    internal IReadOnlyList<NewFact> Facts { get; init; } = [];
    internal string? Grouping { get; init; }
    internal int RowsRead { get; init; }
    internal int RowsKept { get; init; }
    internal int RowsSkipped { get; init; }
    internal IReadOnlyList<CountedReason> SkipReasons { get; init; } = [];
    internal IReadOnlyList<string> Warnings { get; init; } = [];
    internal IReadOnlyList<ImportedFileReport> Files { get; init; } = [];

    internal bool TryStartCommit() => Interlocked.Exchange(ref _used, 1) == 0;

    /// <summary>Cancels the import if it was not committed, and gives back the turn.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _used, 1);
        _turn?.Dispose();
    }
}

internal static class ImportPreviews
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<ImportPreview> BuildAsync(CommunitySafetyDb db, PreparedImport prepared, ImportNames names, string area, CancellationToken cancellationToken)
    {
        // Quality is checked, and new beats named, in the home area, whose history the live data is.
        var homeFacts = prepared.Facts.Where(f => f.Area is null).ToList();
        var homeMonths = prepared.Months.Where(m => m.Area is null).ToList();
        var live = await LiveHistory.ReadAsync(db, homeMonths.Select(m => m.Month).ToList(), cancellationToken);
        var knownBeats = await db.Beats.Select(b => b.Name).ToListAsync(cancellationToken);
        var (qualityWarnings, suggestions) = DataQuality.Check(homeFacts, homeMonths, live);

        var beats = homeFacts.Select(f => f.Beat).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var known = knownBeats.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (quarter, figures) = FigureMoves(prepared, live.MonthTotals, live.Coverage, area);

        return new ImportPreview(
            prepared.Files.Select(f => f.Format).Distinct().ToList(),
            prepared.Files,
            await MonthsAsync(db, prepared.Months, cancellationToken),
            beats,
            beats.Where(b => !known.Contains(b)).ToList(),
            prepared.RowsRead,
            prepared.RowsKept,
            prepared.RowsSkipped,
            prepared.SkipReasons,
            prepared.Warnings,
            qualityWarnings,
            suggestions,
            quarter,
            figures)
        {
            AreasKept = prepared.Months.OrderBy(m => m.Area is not null).Select(m => m.Area ?? area)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }

    /// <summary>Each month, with the import whose data for it is live now: "import 5 of 3 Jan 2024 by jsmith (q1.csv)".</summary>
    private static async Task<IReadOnlyList<PreviewMonth>> MonthsAsync(CommunitySafetyDb db, IReadOnlyList<NewImportMonth> months, CancellationToken cancellationToken)
    {
        months = months.GroupBy(m => m.Month).Select(g => g.OrderBy(m => m.Area is not null).First()).ToList();
        var keys = months.Select(m => m.Month).ToList();
        var owners = await db.LiveOwnersAsync(keys, cancellationToken);
        var ownerIds = owners.Values.Distinct().ToList();
        var imports = await db.Imports.AsNoTracking().Include(i => i.Files)
            .Where(i => ownerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return months.OrderBy(m => m.Month).Select(m =>
        {
            if (!owners.TryGetValue(m.Month, out var owner)) return new PreviewMonth(YearMonth.FromKey(m.Month).ToString(), null, null);
            var import = imports[owner];
            var by = import.ImportedBy is null ? "" : $" by {import.ImportedBy}";
            var files = import.Files.Count == 0 ? "" : $" ({string.Join(", ", import.Files.Select(f => f.FileName).Take(3))}{(import.Files.Count > 3 ? ", ..." : "")})";
            return new PreviewMonth(YearMonth.FromKey(m.Month).ToString(), owner,
                $"import {owner} of {import.ImportedAt.ToString("d MMM yyyy", Invariant)}{by}{files}");
        }).ToList();
    }

    /// <summary>
    /// The year-to-date figures of the latest quarter there will be data for, now and with this import's months in
    /// place. The three figures need only each month's totals by category and domestic flag, so that is all the live
    /// data read (<paramref name="liveFacts"/> may be those totals).
    /// </summary>
    internal static (FinancialQuarter? Quarter, IReadOnlyList<FigureMove> Figures) FigureMoves(
        PreparedImport prepared, IReadOnlyList<MonthlyFact> liveFacts, IReadOnlyList<MonthCoverage> liveCoverage, string area)
    {
        // The home area's figures: the other areas an import holds are not the partnership's own.
        var homeMonths = prepared.Months.Where(m => m.Area is null).ToList();
        if (homeMonths.Count == 0) return (null, []);
        var replaced = homeMonths.Select(m => YearMonth.FromKey(m.Month)).ToHashSet();
        var latest = liveCoverage.Select(c => c.Month).Concat(replaced).Max();
        var quarter = FinancialQuarter.Containing(latest);
        var options = new FiguresOptions { Area = area };

        var afterFacts = liveFacts.Where(f => !replaced.Contains(f.Month))
            .Concat(prepared.Facts.Where(f => f.Area is null).Select(f => new MonthlyFact(YearMonth.FromKey(f.Month), f.Beat, f.Category, f.CrimeType, f.LocationType, f.Domestic, f.Count)))
            .ToList();
        var afterCoverage = liveCoverage.Where(c => !replaced.Contains(c.Month))
            .Concat(homeMonths.Select(m => new MonthCoverage(YearMonth.FromKey(m.Month), m.HasDomestic, m.HasLocationType)))
            .ToList();

        var before = SummaryCalculator.Calculate(quarter, liveFacts, liveCoverage, options);
        var after = SummaryCalculator.Calculate(quarter, afterFacts, afterCoverage, options);
        return (quarter,
        [
            new FigureMove("ASB", before.Asb, after.Asb),
            new FigureMove("Crime", before.Crime, after.Crime),
            new FigureMove("Domestic incidents", before.Domestic, after.Domestic),
        ]);
    }
}
