using CommunitySafety.Data.Model;
namespace CommunitySafety.Data.Import;

/// <summary>
/// Something wrong with the input. Row errors carry the line (the header is line 1), the column and the value found;
/// a problem with a whole file (empty, not CSV, missing columns) carries only the file.
/// </summary>
public sealed record ImportError(string File, int? Line, string? Column, string? Value, string Problem)
{
    /// <summary>One sentence for a person: "q1.csv, line 7, column Month: found "2023-13"; expected a month such as 2023-04."</summary>
    public override string ToString() => Line is null
        ? $"{File}: {Problem}"
        : $"{File}, line {Line}, column {Column}: {Found}; expected {Problem}.";

    /// <summary>"found "2023-13"", or "the cell is empty" where there was nothing to quote.</summary>
    public string Found => string.IsNullOrEmpty(Value) ? "the cell is empty" : $"found \"{Value}\"";
}

public enum ImportOutcome
{
    /// <summary>The files were taken; the months they hold now come from this import.</summary>
    Imported,

    /// <summary>Every file had been imported before, byte for byte: nothing changed.</summary>
    Unchanged,

    /// <summary>Something was wrong; nothing changed.</summary>
    Refused,
}

public sealed record CountedReason(string Reason, int Count);

/// <summary>What an import did, or why it did nothing: the command line prints it, the Imports page shows it.</summary>
public sealed record ImportReport
{
    public required ImportOutcome Outcome { get; init; }
    public int? ImportId { get; init; }

    /// <summary>One sentence for the analyst: "Import 4 done: 1,203 rows kept for Q1 2023-24 data."</summary>
    public required string Message { get; init; }

    public IReadOnlyList<ImportedFileReport> Files { get; init; } = [];
    public int RowsRead { get; init; }
    public int RowsKept { get; init; }
    public int RowsSkipped { get; init; }
    public IReadOnlyList<CountedReason> SkipReasons { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The months the import holds and the import each replaced.</summary>
    public IReadOnlyList<MonthReplacement> Months { get; init; } = [];

    /// <summary>The errors kept (the first of <see cref="TotalErrors"/>).</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public int TotalErrors { get; init; }
}
