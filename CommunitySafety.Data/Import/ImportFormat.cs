namespace CommunitySafety.Data.Import;

public enum ImportFormat
{
    /// <summary>Recognise each file by its header row.</summary>
    Auto,

    /// <summary>The quarterly beat extract analysts send (Month, Beat, Category, ...).</summary>
    BeatExtract,

    /// <summary>The monthly police.uk street-level crime file.</summary>
    PoliceUk,
}

public static class ImportFormatNames
{
    public static string ToName(this ImportFormat format) => format switch
    {
        ImportFormat.BeatExtract => "beat-extract",
        ImportFormat.PoliceUk => "police-uk",
        _ => "auto",
    };

    public static bool TryParse(string? text, out ImportFormat format)
    {
        format = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "auto" => ImportFormat.Auto,
            "beat-extract" or "beatextract" or "beat" => ImportFormat.BeatExtract,
            "police-uk" or "policeuk" or "police.uk" => ImportFormat.PoliceUk,
            _ => (ImportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}
