using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;

namespace CommunitySafety.Data.Figures;

/// <summary>A Manager's choice of the areas an area is compared with: checked here, kept, and put in the audit trail.</summary>
public sealed class ComparisonGroupChoice(IFiguresService figures, AuditLog audit)
{
    /// <summary>Keeps the group (an empty one: every other area again) and gives it back; a person who is not a Manager is refused.</summary>
    /// <exception cref="UnauthorizedAccessException">The person is not a Manager.</exception>
    /// <exception cref="ComparisonProblem">An area named is not held.</exception>
    public async Task<IReadOnlyList<string>> ChooseAsync(Person person, string area, IReadOnlyList<string> members, CancellationToken cancellationToken = default)
    {
        if (!person.IsManager) throw new UnauthorizedAccessException("Only a Manager chooses the group of similar areas.");
        var kept = await figures.SetGroupAsync(area, members, person.Name, cancellationToken);
        await WriteAuditAsync(audit, person.Actor, area, kept, cancellationToken);
        return kept;
    }

    /// <summary>"Harborough compared with Blaby and Melton", or "... with every other area".</summary>
    public static Task WriteAuditAsync(AuditLog audit, AuditActor actor, string area, IReadOnlyList<string> kept, CancellationToken cancellationToken = default) =>
        audit.WriteAsync(actor, AuditKinds.ComparisonGroup,
            kept.Count == 0 ? $"{area} compared with every other area" : $"{area} compared with {Words.And(kept)}",
            cancellationToken: cancellationToken);
}
