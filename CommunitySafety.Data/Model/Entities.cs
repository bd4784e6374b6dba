namespace CommunitySafety.Data.Model;

/// <summary>
/// A CSP area (a district). Exactly one is the home area, the partnership's own; its name is the setting Area:Name.
/// Facts belong to an area through their beat.
/// </summary>
public sealed class Area
{
    /// <summary>The id of the home area, which every fact stored before areas existed belongs to.</summary>
    public const int HomeId = 1;

    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsHome { get; set; }
}

public sealed class Beat
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The area the beat is in; a beat name is unique within its area.</summary>
    public int AreaId { get; set; } = Area.HomeId;
}

/// <summary>Whether an import's months count; written "imported" or "undone" in the history's JSON.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ImportStatusJsonConverter))]
public enum ImportStatus
{
    Committed = 1,
    Undone = 2,
}

/// <summary>One import run: one or more files, all taken or none. Its facts are kept even after undo.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedBy { get; set; }
    public ImportStatus Status { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsKept { get; set; }
    public int RowsSkipped { get; set; }

    /// <summary>How the beat of police.uk rows was found: "beat map" or "neighbourhood"; null for beat extracts.</summary>
    public string? Grouping { get; set; }

    public List<ImportFile> Files { get; set; } = [];
    public List<ImportMonth> Months { get; set; } = [];
    public List<ImportMessage> Messages { get; set; } = [];
}

public sealed class ImportFile
{
    public int Id { get; set; }
    public int ImportId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string Format { get; set; }
    public required string Encoding { get; set; }
    public int RowsRead { get; set; }
    public int RowsKept { get; set; }
    public int RowsSkipped { get; set; }
}

/// <summary>
/// A month that an import holds. The live data of a month is that of the latest committed import holding it,
/// so "latest wins" and undo need no copying: undo marks the import undone and the month falls back.
/// </summary>
public sealed class ImportMonth
{
    public int ImportId { get; set; }

    /// <summary>The area whose month this is: "latest wins" holds per area and month.</summary>
    public int AreaId { get; set; } = Area.HomeId;

    /// <summary>yyyymm, see <see cref="YearMonth.Key"/>.</summary>
    public int Month { get; set; }

    public bool HasDomestic { get; set; }
    public bool HasLocationType { get; set; }

    /// <summary>The import this month came from before this one replaced it, when it did.</summary>
    public int? ReplacedImportId { get; set; }
}

public enum ImportMessageKind
{
    Skipped = 1,
    Warning = 2,
}

/// <summary>A reason rows were skipped (with how many) or a warning, kept with the import.</summary>
public sealed class ImportMessage
{
    public int Id { get; set; }
    public int ImportId { get; set; }
    public ImportMessageKind Kind { get; set; }
    public required string Text { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// One population figure of a population file's import, placed when imported: an LSOA's (with the area and beat it
/// falls in), a beat's or an area's. <see cref="Area"/> is null for the home area. The live population is that of the
/// latest committed import holding population figures.
/// </summary>
public sealed class PopulationEstimate
{
    public long Id { get; set; }
    public int ImportId { get; set; }

    /// <summary>The mid-year estimate's year (2022 is used for 2022-23); null: used for every year.</summary>
    public int? Year { get; set; }

    public PopulationLevel Level { get; set; }
    public string? Area { get; set; }
    public string? Beat { get; set; }
    public int Population { get; set; }
}

/// <summary>An area of the group a Manager chose for comparing an area with (the area itself never is one).</summary>
public sealed class ComparisonGroupMember
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public int MemberAreaId { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
    public string? ChosenBy { get; set; }
}

public enum PopulationLevel
{
    Lsoa = 1,
    Beat = 2,
    Area = 3,
}

/// <summary>An aggregated count: how many records of one kind one import holds for a beat and month.</summary>
public sealed class Fact
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public int Month { get; set; }
    public int BeatId { get; set; }
    public Category Category { get; set; }
    public string? CrimeType { get; set; }
    public string? LocationType { get; set; }
    public bool Domestic { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// A committed change to the data (an import, an undo, an edit), in words for a notice. Written in the same
/// transaction as the change, so every process can see what changed by reading the rows after the last it saw.
/// </summary>
public sealed class DataChangeRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Description { get; set; }
}

public sealed class ImportStatusJsonConverter : System.Text.Json.Serialization.JsonConverter<ImportStatus>
{
    public override ImportStatus Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "imported" => ImportStatus.Committed,
            "undone" => ImportStatus.Undone,
            var other => throw new System.Text.Json.JsonException($"'{other}' is not an import status: imported or undone."),
        };

    public override void Write(System.Text.Json.Utf8JsonWriter writer, ImportStatus value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value == ImportStatus.Committed ? "imported" : "undone");
}
