using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>
/// Three areas kept with figures worked by hand. ASB, April 2023 (Q1 2023-24) and April 2022 (Q1 2022-23):
/// Harborough 40 and 20 (population 10,000: 4.00 and 2.00 per 1,000), Blaby 200 and 120 (20,000: 10.00 and 6.00),
/// Melton 30 and 30 (no population). Blaby's group rate is Blaby's alone: 10.00, above Harborough's interval (2.86 to 5.45).
/// </summary>
public static class ComparisonData
{
    private const string Header =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    public static async Task<TestDatabase> CreateAsync(bool withPopulation = true)
    {
        var db = await TestDatabase.CreateAsync(include: ["*"]);
        var rows = new List<string> { Header };
        void Add(string month, string lsoa, int count) =>
            rows.AddRange(Enumerable.Repeat($"x,{month},Leicestershire Police,Leicestershire Police,-0.92,52.47,On or near High Street,E0100000,{lsoa},Anti-social behaviour,,", count));
        Add("2022-04", "Harborough 001A", 20);
        Add("2022-04", "Blaby 001A", 120);
        Add("2022-04", "Melton 001A", 30);
        Add("2023-04", "Harborough 001A", 40);
        Add("2023-04", "Blaby 001A", 200);
        Add("2023-04", "Melton 001A", 30);
        await db.ImportOkAsync(db.WriteFile("leicestershire-street.csv", Lines([.. rows])));
        if (withPopulation)
        {
            var population = await db.Importer.ImportAsync(new ImportRequest(
                [UploadedFile.FromPath(db.WriteFile("population.csv", Lines("Area,Population", "Harborough,10000", "Blaby,20000")))],
                ImportFormat.Population, ImportedBy: "test"));
            Assert.Equal(ImportOutcome.Imported, population.Outcome);
        }
        return db;
    }
}
