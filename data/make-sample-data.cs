#!/usr/bin/env dotnet
// Writes the sample beat extracts to data/sample/: one CSV per financial quarter,
// Q1 2019-20 (April 2019) to Q2 2023-24 (September 2023), in the beat-extract format
// of ../shared/spec/import-formats.md, section 1.
//
//   dotnet run data/make-sample-data.cs          (from the repository root)
//   python3 data/check-sample-data.py            (checks the 11 statements)
//
// Same output every run: a fixed seed and our own small random generator (SplitMix64),
// so the files do not depend on how a .NET version implements System.Random.
//
// How the statements of ../shared/spec/sample-data.md are made true:
//  1. Each quarter gets totals for ASB, crime and domestic from a smooth model
//     (monthly level x seasonality, see Levels and Season below) -- except the two
//     quarters the Q1 2023-24 report compares, whose totals are fixed (FixedQuarters):
//       ASB 1084 -> 812 (-25.1%), crime 1553 -> 1510 (-2.8%), domestic 222 -> 236 (+6.3%),
//       Criminal Damage 125 -> 152 (+21.6%; no other type is given a rise near that).
//     The ASB levels make Q1 2023-24 the lowest Q1 since 2020-21 and still above the
//     winter quarter before it (statement 11).
//  2. A quarter's totals are split exactly (largest remainder) into ASB types, crime
//     types and domestic / not domestic.
//  3. Each single ASB, crime or incident is then put at random in a month of the quarter
//     (seasonality), a beat and a location type. That keeps every total exact; the beat
//     and location weights are far enough apart that Harborough North / Town, Violence
//     Without Injury, Residential and Dwelling win clearly (statements 4-7, 9, 10).
using System.Text;

var rng = new SplitMix64(20231011); // the date of the scrutiny panel that received the report

// ---- Beats, with their share of ASB, crime and domestic ----------------------------------
string[] beats = ["Harborough North", "Harborough Town", "Lutterworth", "Broughton Astley",
                  "Kibworth and Fleckney", "Harborough Rural East", "Lutterworth Rural"];
double[] asbBeatWeights      = [24, 23, 14, 11, 10, 9, 9];
double[] crimeBeatWeights    = [26, 19, 16, 10, 11, 9, 9];
double[] domesticBeatWeights = [30, 18, 16, 11, 10, 8, 7];

// ---- Seasonality by calendar month, January..December -----------------------------------
// ASB rises with the lighter nights of spring and summer; crime and domestic vary less.
double[] asbSeason      = [0.78, 0.80, 0.90, 1.00, 1.10, 1.15, 1.20, 1.15, 1.00, 0.95, 0.85, 0.80];
double[] crimeSeason    = [0.93, 0.92, 0.98, 0.97, 1.03, 1.05, 1.07, 1.03, 1.00, 1.02, 0.98, 0.95];
double[] domesticSeason = [1.00, 0.92, 0.97, 0.97, 1.00, 1.03, 1.05, 1.05, 0.98, 0.97, 0.98, 1.08];

// ---- Monthly level each April 2019..2023 (straight line between, flat after April 2023) --
// 2020-21: lockdown -- fewer crimes, many ASB reports (Covid breaches), more domestic.
double[] asbLevels      = [340, 430, 370, 334, 250];
double[] crimeLevels    = [500, 430, 490, 509, 495];
double[] domesticLevels = [64, 76, 72, 74, 79];

// ---- The two periods the Q1 2023-24 report compares: totals fixed ------------------------
var fixedQuarters = new Dictionary<(int Year, int Quarter), (int Asb, int Crime, int Domestic, int CriminalDamage)>
{
    [(2022, 1)] = (1084, 1553, 222, 125),   // Apr-Jun 2022, the previous YTD
    [(2023, 1)] = (812, 1510, 236, 152),    // Apr-Jun 2023, the current YTD
};

// ---- ASB types and crime types -----------------------------------------------------------
(string Name, double Share)[] asbTypes = [("Personal", 22), ("Nuisance", 68), ("Environmental", 10)];
const string AsbPlaces = "Residential 42, Street 22, Open Space 14, Retail 7, Car Park 6, Licensed Premises 5, Educational 4";
// Every domestic ASB, crime and incident, whatever its type, happens mostly in a dwelling.
const string DomesticPlaces = "Dwelling 78, Residential 8, Street 8, Licensed Premises 3, Open Space 2, Retail 1";
// Share of domestic (per quarter) that is recorded as ASB, as a crime, as a non-crime incident.
double[] domesticByCategory = [5, 55, 40];

// Share of crime, change a year, how likely a crime of the type is domestic, where it happens.
const string CriminalDamage = "Criminal Damage";
(string Name, double Share, double Trend, double DomesticRate, string Places)[] crimeTypes =
[
    ("Violence Without Injury",  24.0, 1.02, 0.30, "Dwelling 30, Street 25, Residential 10, Licensed Premises 10, Retail 10, Educational 8, Open Space 7"),
    ("Violence With Injury",     12.0, 1.00, 0.30, "Dwelling 25, Street 30, Licensed Premises 18, Residential 10, Open Space 9, Educational 8"),
    ("Stalking and Harassment",  13.0, 1.05, 0.35, "Dwelling 50, Residential 25, Street 10, Educational 8, Retail 7"),
    (CriminalDamage,              8.3, 1.03, 0.10, "Residential 35, Street 20, Dwelling 15, Car Park 10, Commercial 8, Educational 6, Open Space 6"),
    ("Public Order Offences",     7.0, 1.00, 0.05, "Street 35, Licensed Premises 20, Residential 15, Retail 12, Dwelling 10, Open Space 8"),
    ("Burglary Residential",      4.5, 0.94, 0.00, "Dwelling 85, Residential 15"),
    ("Burglary Business and Community", 2.0, 0.97, 0.00, "Commercial 45, Retail 25, Farm 20, Educational 10"),
    ("Vehicle Offences",          7.0, 0.95, 0.00, "Street 40, Residential 30, Car Park 25, Farm 5"),
    ("Shoplifting",               7.0, 1.08, 0.00, "Retail 100"),
    ("Theft Offences (other)",    6.0, 0.98, 0.02, "Street 20, Residential 20, Retail 15, Commercial 15, Farm 15, Open Space 10, Educational 5"),
    ("Drug Offences",             3.0, 0.95, 0.00, "Street 45, Car Park 15, Dwelling 15, Open Space 15, Licensed Premises 10"),
    ("Possession of Weapons",     1.0, 1.03, 0.00, "Street 60, Open Space 15, Dwelling 15, Licensed Premises 10"),
    ("Sexual Offences",           3.0, 1.02, 0.15, "Dwelling 50, Street 15, Open Space 15, Educational 10, Licensed Premises 10"),
    ("Robbery",                   0.8, 1.00, 0.00, "Street 60, Retail 20, Open Space 10, Car Park 10"),
    ("Bicycle Theft",             1.2, 0.96, 0.00, "Street 35, Residential 35, Educational 15, Retail 15"),
    ("Theft from the Person",     0.6, 1.00, 0.00, "Street 40, Retail 30, Licensed Premises 30"),
    ("Miscellaneous Crimes Against Society", 1.4, 1.00, 0.05, "Street 40, Dwelling 25, Commercial 20, Open Space 15"),
];

// ---- Generate and write, quarter by quarter ----------------------------------------------
var outDir = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "data", "sample");
Directory.CreateDirectory(outDir);

for (int year = 2019; year <= 2023; year++)            // financial year year/year+1
for (int quarter = 1; quarter <= 4; quarter++)
{
    if (year == 2023 && quarter > 2) break;             // the data ends in September 2023
    var months = Enumerable.Range(0, 3).Select(i => new DateOnly(year, 4, 1).AddMonths(3 * (quarter - 1) + i)).ToArray();
    var counts = new Dictionary<(DateOnly Month, int Beat, string Category, string Type, string Place, string Domestic), int>();

    // 1. Totals for the quarter: model, or fixed.
    bool isFixed = fixedQuarters.TryGetValue((year, quarter), out var target);
    int asb      = isFixed ? target.Asb      : Model(asbLevels, asbSeason, months);
    int crime    = isFixed ? target.Crime    : Model(crimeLevels, crimeSeason, months);
    int domestic = isFixed ? target.Domestic : Model(domesticLevels, domesticSeason, months);

    // 2. Split them exactly (domestic by category, ASB by type, crime by type and domestic flag);
    // 3. Place puts each record in a month, a beat and a location type.
    var domesticSplit = Split(domestic, domesticByCategory);
    int domesticAsb = domesticSplit[0], domesticCrime = domesticSplit[1], domesticIncidents = domesticSplit[2];

    var asbByType = Split(asb - domesticAsb, asbTypes.Select(t => t.Share).ToArray());
    for (int i = 0; i < asbTypes.Length; i++)
        Place(asbByType[i], "ASB", asbTypes[i].Name, "N", asbSeason, asbBeatWeights, AsbPlaces);
    Place(domesticAsb, "ASB", "Personal", "Y", domesticSeason, domesticBeatWeights, DomesticPlaces);

    // Type shares follow each type's trend (years from April 2022); outside the fixed quarters
    // they also wobble a little. In the fixed quarters Criminal Damage is set, the rest shared out.
    double yearsOn = year - 2022 + (quarter - 1) / 4.0;
    var typeWeights = crimeTypes.Select(t => t.Share * Math.Pow(t.Trend, yearsOn) * (isFixed ? 1 : 0.92 + 0.16 * rng.NextDouble())).ToArray();
    int cd = Array.FindIndex(crimeTypes, t => t.Name == CriminalDamage);
    int[] crimeByType;
    if (isFixed)
    {
        typeWeights[cd] = 0;
        crimeByType = Split(crime - target.CriminalDamage, typeWeights);
        crimeByType[cd] = target.CriminalDamage;
    }
    else crimeByType = Split(crime, typeWeights);

    var domesticByType = Split(domesticCrime, crimeTypes.Select((t, i) => crimeByType[i] * t.DomesticRate).ToArray());
    for (int i = 0; i < crimeTypes.Length; i++)
    {
        var t = crimeTypes[i];
        Place(crimeByType[i] - domesticByType[i], "Crime", t.Name, "N", crimeSeason, crimeBeatWeights, t.Places);
        Place(domesticByType[i], "Crime", t.Name, "Y", domesticSeason, domesticBeatWeights, DomesticPlaces);
    }

    // Domestic incidents that are not crimes: no type.
    Place(domesticIncidents, "Incident", "", "Y", domesticSeason, domesticBeatWeights, DomesticPlaces);

    // Write one row per month/beat/category/type/location/domestic: UTF-8 without BOM, LF.
    var csv = new StringBuilder("Month,Beat,Category,Type,LocationType,Domestic,Count\n");
    foreach (var (k, n) in counts.OrderBy(e => e.Key.Month).ThenBy(e => e.Key.Beat)
                 .ThenBy(e => e.Key.Category, StringComparer.Ordinal).ThenBy(e => e.Key.Type, StringComparer.Ordinal)
                 .ThenBy(e => e.Key.Place, StringComparer.Ordinal).ThenBy(e => e.Key.Domestic, StringComparer.Ordinal))
        csv.Append($"{k.Month:yyyy-MM},{beats[k.Beat]},{k.Category},{k.Type},{k.Place},{k.Domestic},{n}\n");
    var file = Path.Combine(outDir, $"harborough-beat-extract-{year}-{(year + 1) % 100:00}-Q{quarter}.csv");
    File.WriteAllText(file, csv.ToString(), new UTF8Encoding(false));
    Console.WriteLine($"{Path.GetFileName(file)}: ASB {asb}, crime {crime}, domestic {domestic}, {counts.Count} rows");

    // Puts each of n records at random in a month (seasonality), a beat and a location type.
    void Place(int n, string category, string type, string domesticFlag, double[] season, double[] beatWeights, string places)
    {
        var (placeNames, placeWeights) = ParsePlaces(places);
        var monthWeights = months.Select(m => season[m.Month - 1]).ToArray();
        for (int i = 0; i < n; i++)
        {
            var key = (months[Pick(monthWeights)], Pick(beatWeights), category, type, placeNames[Pick(placeWeights)], domesticFlag);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}

// Expected count for the quarter: level (interpolated between Aprils) x season, +/- 3%.
int Model(double[] levels, double[] season, DateOnly[] months)
{
    double sum = 0;
    foreach (var m in months)
    {
        double t = Math.Min((m.Year - 2019) * 12 + m.Month - 4, 48) / 12.0;  // years since April 2019
        int i = Math.Min((int)t, levels.Length - 2);
        sum += (levels[i] + (levels[i + 1] - levels[i]) * (t - i)) * season[m.Month - 1];
    }
    return (int)Math.Round(sum * (0.97 + 0.06 * rng.NextDouble()));
}

int Pick(double[] weights)
{
    double r = rng.NextDouble() * weights.Sum();
    for (int i = 0; i < weights.Length - 1; i++)
        if ((r -= weights[i]) < 0) return i;
    return weights.Length - 1;
}

// Shares total out in proportion to weights, exactly (largest remainder).
static int[] Split(int total, double[] weights)
{
    double sum = weights.Sum();
    var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
    var result = exact.Select(x => (int)Math.Floor(x)).ToArray();
    int left = total - result.Sum();
    foreach (int i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(left))
        result[i]++;
    return result;
}

// "Dwelling 78, Street 8" -> (["Dwelling", "Street"], [78, 8])
static (string[] Names, double[] Weights) ParsePlaces(string places)
{
    var parts = places.Split(", ").Select(p => (Name: p[..p.LastIndexOf(' ')], Weight: double.Parse(p[(p.LastIndexOf(' ') + 1)..]))).ToArray();
    return (parts.Select(p => p.Name).ToArray(), parts.Select(p => p.Weight).ToArray());
}

// SplitMix64: tiny, well-known, and the same on every platform and .NET version.
sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public double NextDouble()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
