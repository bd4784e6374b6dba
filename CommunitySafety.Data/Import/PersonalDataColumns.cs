using CommunitySafety.Data.Model;
namespace CommunitySafety.Data.Import;

/// <summary>
/// Columns that look like they hold personal data: names, dates of birth, addresses, contact details. The dashboard
/// needs none of them and stores only counts by month, beat and type, so they are never read; the analyst is told,
/// so that the next extract can leave them out.
/// </summary>
public static class PersonalDataColumns
{
    private static readonly string[] NameWords = ["surname", "forename", "firstname", "lastname", "fullname", "givenname", "middlename", "maidenname"];
    private static readonly string[] People = ["victim", "suspect", "offender", "person", "caller", "complainant", "informant", "witness", "reporter", "perpetrator", "contact"];
    private static readonly string[] BirthWords = ["dob", "dateofbirth", "birthdate", "birthday", "dateborn"];
    private static readonly string[] AddressWords = ["address", "postcode", "postalcode", "housenumber", "houseno", "housename", "streetname", "flatnumber"];
    private static readonly string[] ContactWords = ["phone", "telephone", "mobile", "email", "nino", "nationalinsurance", "nhsnumber"];

    /// <summary>The header names, as written, that look like personal data. police.uk's own columns are never personal.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> headers, ImportFormat format = ImportFormat.Auto) =>
        headers.Where(h => LooksPersonal(Column.Normalize(h))
                           && !(format == ImportFormat.PoliceUk && PoliceUkColumns.Known.Any(k => Column.Normalize(k) == Column.Normalize(h))))
            .ToList();

    public static string Warning(string fileName, IReadOnlyList<string> columns) =>
        $"{fileName}: the column{(columns.Count > 1 ? "s" : "")} {CsvFileReader.ListForPeople(columns)} look{(columns.Count > 1 ? "" : "s")} like personal data " +
        "(names, dates of birth, addresses or contact details). They were not read or stored: the dashboard keeps only counts " +
        "by month, beat and type. Please leave such columns out of future extracts.";

    private static bool LooksPersonal(string normalized) =>
        normalized == "name"
        || NameWords.Any(normalized.Contains)
        || (normalized.Contains("name") && People.Any(normalized.Contains))
        || BirthWords.Any(w => normalized == w || normalized.Contains(w) && w.Length > 3)
        || AddressWords.Any(normalized.Contains)
        || ContactWords.Any(w => normalized == w || normalized.Contains(w) && w.Length > 4);
}
