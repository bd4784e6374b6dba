using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Storage;

/// <summary>A count to store; <paramref name="Area"/> null means the home area.</summary>
public readonly record struct NewFact(int Month, string Beat, Category Category, string? CrimeType, string? LocationType, bool Domestic, int Count, string? Area = null);

/// <summary>A month an import holds for one area (null: the home area); it replaces that month in that area only.</summary>
public sealed record NewImportMonth(int Month, bool HasDomestic, bool HasLocationType, string? Area = null);

/// <summary>A population figure to store; <paramref name="Area"/> null means the home area.</summary>
public sealed record NewPopulation(int? Year, PopulationLevel Level, string? Area, string? Beat, int Population);

public sealed record NewImportMessage(ImportMessageKind Kind, string Text, int Count);

/// <summary>
/// Everything one import writes; facts are streamed, not held as a list. <paramref name="Waiting"/> is told, in a
/// sentence, when the write must wait for another instance's import to finish.
/// </summary>
public sealed record NewImport(
    DateTimeOffset At,
    string? ImportedBy,
    string? Grouping,
    int RowsRead,
    int RowsKept,
    int RowsSkipped,
    IReadOnlyList<ImportedFileReport> Files,
    IReadOnlyList<NewImportMonth> Months,
    IReadOnlyList<NewImportMessage> Messages,
    IEnumerable<NewFact> Facts,
    string ChangeDescription,
    string? HomeArea = null,
    IReadOnlyList<NewPopulation>? Populations = null,
    Action<string>? Waiting = null,
    TimeProvider? Clock = null)
{
    /// <summary>
    /// When the change is logged: read as the Changes row is written, the last thing before the commit, so the time an
    /// open page takes to show it (the fan-out) is counted from the commit, not from the start of a long write.
    /// </summary>
    public DateTimeOffset ChangeAt() => Clock?.GetUtcNow() ?? At;
}

public sealed record WrittenImport(int ImportId, IReadOnlyList<MonthReplacement> Months);

/// <summary>
/// Writes an import in one transaction: all of it or, on any failure, none of it. The one place that knows the
/// database's bulk-write dialect: SqliteImportWriter and PostgreSqlImportWriter.
/// </summary>
public interface IImportWriter
{
    Task<WrittenImport> WriteAsync(NewImport import, CancellationToken cancellationToken = default);
}
