namespace CommunitySafety.Data.Import;

/// <summary>A column the importer looks for, with the header names it answers to.</summary>
internal sealed record Column(string Name, params string[] Synonyms)
{
    /// <summary>Header names compare case-insensitively with spaces, underscores and hyphens ignored.</summary>
    public static string Normalize(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var length = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (c is ' ' or '_' or '-' or '\uFEFF' or '\t' or '.' or '"') continue;
            buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }

    public bool Matches(string normalizedHeader) =>
        Normalize(Name) == normalizedHeader || Synonyms.Any(s => Normalize(s) == normalizedHeader);

    /// <summary>The position of this column in a header row, or -1.</summary>
    public int FindIn(IReadOnlyList<string> normalizedHeaders)
    {
        for (var i = 0; i < normalizedHeaders.Count; i++)
            if (Matches(normalizedHeaders[i])) return i;
        return -1;
    }

    /// <summary>
    /// The sentence that refuses a header in which one of <paramref name="columns"/> appears twice, under its own name
    /// or a synonym (two Month columns, or Month and Date): which one was meant cannot be known. Null when none does.
    /// </summary>
    public static string? Ambiguity(IEnumerable<Column> columns, IReadOnlyList<string> normalizedHeaders, IReadOnlyList<string> originalHeaders)
    {
        foreach (var column in columns)
        {
            var positions = Enumerable.Range(0, normalizedHeaders.Count).Where(i => column.Matches(normalizedHeaders[i])).ToList();
            if (positions.Count < 2) continue;
            var found = positions.Take(ImportLimits.MaxNamesListed).Select(i => $"'{originalHeaders[i]}' (column {i + 1})");
            return $"The header has more than one {column.Name} column: {Words.And(found)}. " +
                   "It cannot be known which one to read, so remove or rename all but one of them.";
        }
        return null;
    }
}

internal static class BeatExtractColumns
{
    public static readonly Column Month = new("Month", "Date", "Period", "Month Year", "Year Month");
    public static readonly Column Beat = new("Beat", "Beat Name", "Police Beat", "Beat Area");
    public static readonly Column Category = new("Category", "Record Category", "Incident Category", "Record Type");
    public static readonly Column Type = new("Type", "Crime Type", "Offence Type", "Offence", "Sub Type", "Subtype", "ASB Type");
    // Not "Location": in police data that is a street description, free text that is not a location type.
    public static readonly Column LocationType = new("LocationType", "Location Category", "Premises Type");
    public static readonly Column Domestic = new("Domestic", "Domestic Flag", "Is Domestic", "Domestic Abuse", "DA Flag");
    public static readonly Column Count = new("Count", "Number", "Total", "Incidents", "Quantity", "Offences");

    public static readonly Column[] Required = [Month, Beat, Category];
    /// <summary>The CSP area (district) of the row, when a file holds several; without it, the import's area.</summary>
    public static readonly Column Area = new("Area", "CSP Area", "District");
    public static readonly Column[] All = [Month, Beat, Category, Type, LocationType, Domestic, Count, Area];
}

internal static class PoliceUkColumns
{
    public static readonly Column CrimeId = new("Crime ID");
    public static readonly Column Month = new("Month");
    public static readonly Column LsoaCode = new("LSOA code");
    public static readonly Column LsoaName = new("LSOA name");
    public static readonly Column CrimeType = new("Crime type");

    /// <summary>
    /// A header with police.uk's crime type and at least two of the columns only police.uk has (Crime ID, Reported by,
    /// Falls within, ...) is a police.uk file, even with columns missing: its refusal names what police.uk lacks.
    /// </summary>
    public static bool LooksLikePoliceUk(IReadOnlyList<string> normalizedHeaders) =>
        CrimeType.FindIn(normalizedHeaders) >= 0
        && OnlyInPoliceUk.Count(name => normalizedHeaders.Contains(Column.Normalize(name))) >= 2;

    private static readonly string[] OnlyInPoliceUk =
        ["Crime ID", "Reported by", "Falls within", "Longitude", "Latitude", "Last outcome category", "Context"];

    /// <summary>Columns of the police.uk file that the dashboard does not need; not worth a warning.</summary>
    public static readonly string[] Known =
    [
        "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
        "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
    ];
}

internal static class BeatMapColumns
{
    public static readonly Column LsoaCode = new("LSOA code", "LSOA", "LSOA11CD", "LSOA21CD", "LSOA Code 2011", "LSOA Code 2021");
    public static readonly Column LsoaName = new("LSOA name", "LSOA11NM", "LSOA21NM");
    public static readonly Column Beat = new("Beat", "Beat Name", "Police Beat");
}
