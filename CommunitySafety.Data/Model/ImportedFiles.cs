namespace CommunitySafety.Data.Model;

/// <summary>One file of an import as the report and the history show it.</summary>
public sealed record ImportedFileReport(string FileName, ImportFormat Format, string Sha256, string Encoding, int RowsRead, int RowsKept, int RowsSkipped);

/// <summary>A month an import holds and the import whose data it replaced there, if any.</summary>
public sealed record MonthReplacement(YearMonth Month, int? ReplacedImportId);
