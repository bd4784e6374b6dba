using System.Text.Json;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The plan files in data/ (action-plan-2023-24.json), loaded so that a first run shows the partnership's plan.</summary>
public static class PlanLoader
{
    public const string FilePattern = "action-plan-*.json";

    /// <summary>Where the build copies the plan files (see CommunitySafety.Dashboard.csproj).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "action-plans");

    public static PlanDocument Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<PlanDocument>(stream, PlanDocument.JsonOptions)
                   ?? throw new InvalidDataException($"The plan file {Path.GetFileName(path)} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"The plan file {Path.GetFileName(path)} is not a plan the dashboard can read (line {exception.LineNumber + 1}): {exception.Message}",
                exception);
        }
    }

    /// <summary>
    /// Loads every plan file in <paramref name="folder"/> when the database holds no plan yet; true if it did.
    /// A file with any problem loads nothing, and the exception lists every problem.
    /// </summary>
    public static async Task<bool> LoadIfEmptyAsync(
        IDbContextFactory<CommunitySafetyDb> dbFactory, TimeProvider clock, string? folder = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlanYears.AnyAsync(cancellationToken)) return false;

        folder ??= DefaultFolder;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) return false;

        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            var plan = Read(file);
            var problems = PlanConversion.Problems(plan);
            if (problems.Count > 0)
                throw new InvalidDataException($"The plan file {Path.GetFileName(file)} cannot be loaded: {string.Join(" ", problems)}");
            db.PlanYears.Add(PlanConversion.ToEntities(plan, $"the plan file {Path.GetFileName(file)}", now));
            db.Changes.Add(new() { At = now, Description = $"Action plan {plan.FinancialYear} loaded" });
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
