namespace CommunitySafety.Data.Import;

/// <summary>
/// Which areas an import keeps (the setting Areas:Include: a list of names, or "*" for every area found; by default
/// only the home area, Area:Name), and the area of a police.uk row, from ../shared/spec/areas-and-rates.md.
/// </summary>
public sealed record AreaChoice(string Home, IReadOnlyList<string>? Include = null)
{
    public const string Every = "*";

    /// <summary>Only the home area: rows elsewhere are skipped as before areas existed, with the same words.</summary>
    public bool HomeOnly => !KeepsEvery && (Include is null || Include.All(IsHome));

    public bool KeepsEvery => Include?.Any(a => a.Trim() == Every) == true;

    public bool IsHome(string area) => string.Equals(area.Trim(), Home, StringComparison.OrdinalIgnoreCase);

    public bool Keeps(string area) =>
        KeepsEvery || IsHome(area) || Include?.Any(a => string.Equals(a.Trim(), area.Trim(), StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The setting's text ("Blaby, Melton" or "*") as a choice; empty or missing: the home area only.</summary>
    public static AreaChoice Parse(string home, string? include) =>
        new(home, string.IsNullOrWhiteSpace(include)
            ? null
            : include.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

public static class AreaRules
{
    /// <summary>
    /// The area of an LSOA name: the name without its last word, when that word is three digits and a capital letter
    /// ("Hinckley and Bosworth 012C" is in "Hinckley and Bosworth"); null when the name is not of that form.
    /// </summary>
    public static string? AreaOfLsoaName(string lsoaName)
    {
        var name = lsoaName.Trim();
        var space = name.LastIndexOf(' ');
        if (space <= 0) return null;
        var last = name.AsSpan(space + 1);
        if (last.Length != 4 || !char.IsAsciiDigit(last[0]) || !char.IsAsciiDigit(last[1]) || !char.IsAsciiDigit(last[2])
            || !char.IsAsciiLetterUpper(last[3]))
            return null;
        var area = name[..space].TrimEnd();
        return area.Length == 0 ? null : area;
    }

    /// <summary>Why a row with an LSOA name of no area was skipped.</summary>
    public const string NoAreaReason = "no area (the LSOA name does not end in a code such as 012C)";

    /// <summary>Why a row of an area not kept was skipped, when several areas are kept.</summary>
    public const string OutsideAreasKeptReason = "outside the areas kept";
}

/// <summary>
/// Beats with small whole-number ids, each in its area (null: the home area) and spelt the way it was first seen, so
/// that "harborough north" and "Harborough North " are one beat; the same name in two areas is two beats.
/// </summary>
internal sealed class BeatTable
{
    private readonly List<(string? Area, string Beat)> _beats = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

    public BeatTable(IEnumerable<(string? Area, string Beat)> known)
    {
        foreach (var (area, beat) in known) Add(area, beat.Trim());
    }

    /// <summary><see cref="NameTable.None"/> for an empty value, <see cref="NameTable.Invalid"/> for one that breaks the name rule.</summary>
    public int IdOf(string? area, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return NameTable.None;
        if (_ids.TryGetValue(Key(area, trimmed), out var id)) return id;
        if (!NameTable.IsPrintable(trimmed)) return NameTable.Invalid;
        return Add(area, trimmed);
    }

    public (string? Area, string Beat) Of(int id) => _beats[id];

    private static string Key(string? area, string beat) => (area ?? "") + "\n" + beat;

    private int Add(string? area, string trimmed)
    {
        if (trimmed.Length == 0) return NameTable.None;
        var key = Key(area, trimmed);
        if (_ids.TryGetValue(key, out var id)) return id;
        if (_beats.Count >= FactKey.MaxNames) throw new TooManyNamesException(_beats.Count);
        id = _beats.Count;
        _beats.Add((area, trimmed));
        _ids[key] = id;
        return id;
    }
}
