using System.Text.Json;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

// The plan in and out as files (IPlanFiles). An import takes the same turn as every other plan edit.
public sealed partial class ActionPlanService
{
    public async Task<PlanExport?> GetExportAsync(string financialYear, int? quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, financialYear, cancellationToken) is not { } plan) return null;
        if (quarter is not { } q) return new PlanExport(PlanConversion.ToDocument(plan, withReturns: true));
        var measures = await db.PartnershipMeasures.AsNoTracking().Include(m => m.Values).ToListAsync(cancellationToken);
        return new PlanExport(PlanConversion.ToDocument(plan, withReturns: true), PlanProgress.Of(plan, q, measures));
    }

    public async Task<ExportFile?> ExportAsync(string financialYear, PlanFileFormat format, int? quarter, CancellationToken cancellationToken = default)
    {
        if (await GetExportAsync(financialYear, quarter, cancellationToken) is not { } export) return null;
        var name = $"action-plan-{export.Plan.FinancialYear}{(quarter is { } q && format != PlanFileFormat.Json ? $"-Q{q}" : "")}";
        return format switch
        {
            PlanFileFormat.Docx => new ExportFile($"{name}.docx", PlanWordFile.ContentType, PlanWordFile.Write(export)),
            PlanFileFormat.Xlsx => new ExportFile($"{name}.xlsx", PlanExcelFile.ContentType, PlanExcelFile.Write(export)),
            _ => new ExportFile($"{name}.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(export.Plan, PlanDocument.JsonOptions)),
        };
    }

    public async Task<PlanImportPreview> PreviewImportAsync(PlanDocument plan, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Preview(await LoadAsync(db, plan.FinancialYear, cancellationToken), plan);
    }

    public async Task<PlanImportOutcome> ImportAsync(PlanDocument plan, Person who, CancellationToken cancellationToken = default)
    {
        var what = $"Action plan {plan.FinancialYear} imported from a file";
        if (!who.IsManager)
        {
            await audit.WriteAsync(who.Actor, AuditKinds.PlanImport, what, AuditOutcomes.Refused, cancellationToken);
            return new PlanImportOutcome(false, "Only a Manager can import a plan.");
        }
        if (PlanConversion.Problems(plan) is { Count: > 0 } problems) return new PlanImportOutcome(false, string.Join(" ", problems));

        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await LoadAsync(db, plan.FinancialYear, cancellationToken, tracked: true);
            var preview = Preview(existing, plan);
            if (preview.Refusal is not null)
            {
                await audit.WriteAsync(who.Actor, AuditKinds.PlanImport, $"{what}: {preview.Refusal}", AuditOutcomes.Refused, cancellationToken);
                return new PlanImportOutcome(false, preview.Refusal, preview);
            }
            if (existing is not null && preview.Changes.None) return new PlanImportOutcome(true, preview.Summary, preview);

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (existing is not null)
            {
                db.PlanYears.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            db.PlanYears.Add(PlanConversion.ToEntities(plan, who.Name, now));
            db.Changes.Add(new DataChangeRecord { At = now, Description = $"Action plan {plan.FinancialYear} imported by {who.Name}" });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await audit.WriteAsync(who.Actor, AuditKinds.PlanImport, $"{what}: {preview.Summary}", cancellationToken: cancellationToken);
            return new PlanImportOutcome(true, preview.Summary, preview);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Plan items have no "retired" mark yet, so replacing a year whose quarters have been reported would delete what
    /// was reported: such a year is refused unless the file changes nothing.
    /// </summary>
    private static PlanImportPreview Preview(PlanYear? existing, PlanDocument plan)
    {
        var before = existing is null ? null : PlanConversion.ToDocument(existing, withReturns: true);
        var changes = PlanChanges.Compare(before, plan);
        var objectives = plan.Priorities.Sum(p => p.Objectives.Count);
        var actions = plan.Priorities.Sum(p => p.Objectives.Sum(o => o.Actions.Count));
        string? refusal = null;
        if (existing is not null && !changes.None)
        {
            var reported = existing.Projects.SelectMany(p => p.Returns).Select(r => r.Quarter)
                .Concat(existing.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).SelectMany(a => a.Progress).Select(r => r.Quarter))
                .Distinct().Order().ToList();
            if (reported.Count > 0)
                refusal = $"The {existing.FinancialYear} plan already has quarterly returns or progress ({string.Join(", ", reported.Select(q => $"Q{q}"))}), and " +
                          "replacing it would lose what was reported. Make the changes in the plan editor instead (it retires items and keeps their history), " +
                          "or import the file as a new year's plan.";
        }
        return new PlanImportPreview(plan.FinancialYear, existing is not null, changes, refusal, plan.Priorities.Count, objectives, actions);
    }
}
