using System.Text.Json.Serialization;
using System.Text.Json;

namespace CommunitySafety.Data.Model;

/// <summary>A file format the import reads; written "beat-extract" or "police-uk" in files, JSON and the command line.</summary>
[JsonConverter(typeof(ImportFormatJsonConverter))]
public enum ImportFormat
{
    /// <summary>Recognise each file by its header row.</summary>
    Auto,

    /// <summary>The quarterly beat extract analysts send (Month, Beat, Category, ...).</summary>
    BeatExtract,

    /// <summary>The monthly police.uk street-level crime file.</summary>
    PoliceUk,

    /// <summary>A population file (Population, and LSOA, Beat or Area, and Year), read only when asked for.</summary>
    Population,
}

public static class ImportFormatNames
{
    public static string ToName(this ImportFormat format) => format switch
    {
        ImportFormat.BeatExtract => "beat-extract",
        ImportFormat.PoliceUk => "police-uk",
        ImportFormat.Population => "population",
        _ => "auto",
    };

    public static bool TryParse(string? text, out ImportFormat format)
    {
        format = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "auto" => ImportFormat.Auto,
            "beat-extract" or "beatextract" or "beat" => ImportFormat.BeatExtract,
            "police-uk" or "policeuk" or "police.uk" => ImportFormat.PoliceUk,
            "population" => ImportFormat.Population,
            _ => (ImportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}

public sealed class ImportFormatJsonConverter : JsonConverter<ImportFormat>
{
    public override ImportFormat Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ImportFormatNames.TryParse(reader.GetString(), out var format) ? format : throw new JsonException("A format is beat-extract, police-uk or auto.");

    public override void Write(Utf8JsonWriter writer, ImportFormat value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());
}
