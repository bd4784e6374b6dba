using System.Text.Json;

namespace CommunitySafety.Data.Import;

/// <summary>The beat map in use: its file as uploaded, who uploaded it and when, and its size.</summary>
public sealed record StoredBeatMap(string FileName, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy, int Lsoas, int Beats);

/// <summary>
/// The LSOA-to-beat map that police.uk imports from the web use, kept in the files folder beside the database. Each
/// map is stored under its SHA-256, and a small record names the current one, replaced in one move so that a reader
/// never sees half of it.
/// </summary>
public sealed class BeatMapStore(string folder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string MapsFolder => Path.Combine(folder, "beat-maps");
    private string CurrentRecord => Path.Combine(MapsFolder, "current.json");

    public StoredBeatMap? Current()
    {
        if (!File.Exists(CurrentRecord)) return null;
        return JsonSerializer.Deserialize<StoredBeatMap>(File.ReadAllText(CurrentRecord), Json);
    }

    /// <summary>The current map's file, for <see cref="ImportRequest.BeatMapPath"/>; null when there is none.</summary>
    public string? CurrentPath => Current() is { } map ? PathOf(map.Sha256) : null;

    public BeatMap? LoadCurrent() => CurrentPath is { } path ? BeatMap.Load(ImportSource.FromFile(path, Current()!.FileName)).Map : null;

    /// <summary>Reads the file as a beat map and, when it is one, makes it the current map. On any problem nothing changes.</summary>
    public (StoredBeatMap? Map, IReadOnlyList<ImportError> Errors) Save(string path, string fileName, string? uploadedBy, DateTimeOffset at)
    {
        var source = ImportSource.FromFile(path, fileName);
        var (map, errors) = BeatMap.Load(source);
        if (map is null) return (null, errors);
        if (map.Count == 0) return (null, [new ImportError(fileName, null, null, null, "The beat map has a header row but no LSOAs.")]);

        string sha;
        using (var stream = source.Open()) sha = FileFingerprint.Of(stream).Sha256;
        Directory.CreateDirectory(MapsFolder);
        if (!File.Exists(PathOf(sha)))
        {
            // Copied under a temporary name and then moved, so a copy cut short is never taken for the map (and is swept at start).
            var partial = PathOf(sha) + "." + Guid.NewGuid().ToString("N") + ".partial";
            File.Copy(path, partial);
            File.Move(partial, PathOf(sha), overwrite: true);
        }

        var beats = map.ByCode.Values.Concat(map.ByName.Values).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var stored = new StoredBeatMap(fileName, sha, at, uploadedBy, map.Count, beats);
        var temporary = CurrentRecord + ".new";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stored, Json));
        File.Move(temporary, CurrentRecord, overwrite: true);
        return (stored, []);
    }

    private string PathOf(string sha256) => Path.Combine(MapsFolder, sha256 + ".csv");
}
