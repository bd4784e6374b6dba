using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// Reads the Appendix A layout (<see cref="PlanLayout"/>) back into a plan, from the rows of a Word or Excel file.
/// The tables are what counts: the plan file a file carries only fills in what they do not show, matched by text.
/// </summary>
public static partial class PlanGridReader
{
    private enum Section { Start, CrossCutting, Priority, Actions, BusinessAsUsual, Communication }

    private sealed class PriorityDraft(int number, string name, string description, List<string> focusAreas, string? focusNote, string where)
    {
        public int Number { get; } = number;
        public string Name { get; } = name;
        public string Description { get; } = description;
        public List<string> FocusAreas { get; } = focusAreas;
        public string? FocusNote { get; } = focusNote;
        public string Where { get; } = where;
        public List<string> Indicators { get; set; } = [];
        public string? Links { get; set; }
        public string? Funding { get; set; }
        public List<(string Text, List<ActionDraft> Actions)> Objectives { get; } = [];
    }

    private sealed record ActionDraft(string Text, List<string> Measures, string? Lead, string? Funding);

    /// <summary>The plan the rows hold, or every problem found, each naming its row.</summary>
    public static (PlanDocument? Plan, IReadOnlyList<string> Problems) Read(IReadOnlyList<GridRow> rows, PlanDocument? embedded)
    {
        var problems = new List<string>();
        string? title = null, year = null;
        var crossCutting = new List<string>();
        var businessAsUsual = new List<string>();
        var communication = new List<CommunicationDocument>();
        var priorities = new List<PriorityDraft>();
        var communicationHeadingSeen = false;
        var section = Section.Start;

        foreach (var row in rows)
        {
            if (row.IsBlank) continue;
            var first = row.Cell(0);
            if (Is(first, PlanLayout.CrossCutting) && row.RestBlank(1))
            {
                section = Section.CrossCutting;
                continue;
            }
            if (section != Section.Communication && PriorityLabel().Match(first) is { Success: true } label)
            {
                if (ReadPriority(row, label, problems) is { } priority)
                {
                    if (priorities.FirstOrDefault(p => p.Number == priority.Number) is { } twice)
                        problems.Add($"{Capital(row.Where)}: priority {priority.Number} is given twice (first at {twice.Where}); each priority needs its own number.");
                    priorities.Add(priority);
                }
                section = Section.Priority;
                continue;
            }
            if (Is(first, PlanLayout.BusinessAsUsual) && row.RestBlank(1))
            {
                section = Section.BusinessAsUsual;
                continue;
            }
            if (Is(first, PlanLayout.CommunicationPlan) && row.RestBlank(1))
            {
                section = Section.Communication;
                continue;
            }

            switch (section)
            {
                case Section.Start:
                    if (first.StartsWith(PlanLayout.FinancialYear, StringComparison.OrdinalIgnoreCase))
                        year = row.Cells.Count > 1 && row.Cell(1).Length > 0 ? row.Cell(1) : first[PlanLayout.FinancialYear.Length..].Trim(' ', ':');
                    else title ??= first;
                    break;
                case Section.CrossCutting:
                    crossCutting.AddRange(row.Lines(0).Select(Unbullet));
                    break;
                case Section.BusinessAsUsual:
                    businessAsUsual.AddRange(row.Lines(0).Select(Unbullet));
                    break;
                case Section.Priority:
                    ReadPriorityRow(row, priorities[^1], problems, ref section);
                    break;
                case Section.Actions:
                    ReadActionRow(row, priorities[^1], problems);
                    break;
                case Section.Communication:
                    if (!communicationHeadingSeen)
                    {
                        communicationHeadingSeen = true;
                        if (HeadingProblem(row, PlanLayout.CommunicationHeadings) is { } problem) problems.Add(problem);
                    }
                    else if (first.Length == 0)
                        problems.Add($"{Capital(row.Where)}: the communication plan's row has no description; fill in the Description column or leave the whole row empty.");
                    else communication.Add(new CommunicationDocument(first, Blank(row.Cell(1)), Blank(row.Cell(2)), Blank(row.Cell(3)), Blank(row.Cell(4))));
                    break;
            }
            if (problems.Count >= Import.ImportLimits.ErrorsListed) break;
        }

        if (title is null) problems.Add("The file has no title: its first line should be the plan's title, such as \"Action Plan for 2023-2024\".");
        year ??= title is null ? null : YearInTitle(title);
        if (year is null)
            problems.Add($"The file does not say which financial year it is for: put a line \"{PlanLayout.FinancialYear}: 2023-24\" under the title.");
        else if (!FinancialQuarter.TryParseYear(year, out _))
            problems.Add($"The financial year '{Shown(year)}' is not a year like 2023-24.");
        if (priorities.Count == 0)
            problems.Add("The file has no priorities: each priority starts with a row \"Priority 1 - People\", as in the council's Appendix A.");
        if (problems.Count > 0) return (null, problems);

        return (Build(title!, year!.Replace('/', '-'), crossCutting, businessAsUsual, priorities, communication, embedded), []);
    }

    private static PriorityDraft? ReadPriority(GridRow row, Match label, List<string> problems)
    {
        var number = int.Parse(label.Groups["n"].Value, CultureInfo.InvariantCulture);
        var name = label.Groups["name"].Value.Trim();
        var lines = row.Lines(1).ToList();
        var description = new List<string>();
        var focus = new List<string>();
        var note = new List<string>();
        var focusSeen = false;
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var text = line;
            if (i == 0)
            {
                if (name.Length > 0 && text.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) text = text[(name.Length + 1)..].Trim();
                else if (name.Length == 0 && text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
                {
                    name = text[..colon].Trim();
                    text = text[(colon + 1)..].Trim();
                }
            }
            if (Is(text, PlanLayout.FocussingOn) || Is(text, PlanLayout.FocussingOn.TrimEnd(':'))) focusSeen = true;
            else if (!focusSeen) description.Add(text);
            else if (IsBulleted(text)) focus.Add(Unbullet(text));
            else note.Add(text);
        }
        if (name.Length == 0)
        {
            problems.Add($"{Capital(row.Where)}: priority {number} has no name; write it as \"Priority {number} - People\".");
            return null;
        }
        return new PriorityDraft(number, name, string.Join("\n", description), focus, note.Count == 0 ? null : string.Join("\n", note), row.Where);
    }

    private static void ReadPriorityRow(GridRow row, PriorityDraft priority, List<string> problems, ref Section section)
    {
        var first = row.Cell(0);
        if (Is(first, PlanLayout.HeadlineIndicator) || Is(first, PlanLayout.HeadlineIndicator + "s")) priority.Indicators = [.. row.Lines(1).Select(Unbullet)];
        else if (Is(first, PlanLayout.LinksToOtherPlans) || Is(first, "Links with other plans")) priority.Links = Blank(row.Cell(1));
        else if (Is(first, PlanLayout.Funding)) priority.Funding = Blank(row.Cell(1));
        else if (Is(first, PlanLayout.ActionHeadings[0]))
        {
            if (HeadingProblem(row, PlanLayout.ActionHeadings) is { } problem) problems.Add(problem);
            section = Section.Actions;
        }
        else
            problems.Add($"{Capital(row.Where)}: \"{Shown(first)}\" is not one of priority {priority.Number}'s rows ({PlanLayout.HeadlineIndicator}, " +
                         $"{PlanLayout.LinksToOtherPlans}, {PlanLayout.Funding}) nor its table's heading row ({string.Join(", ", PlanLayout.ActionHeadings)}).");
    }

    private static void ReadActionRow(GridRow row, PriorityDraft priority, List<string> problems)
    {
        var objective = row.Cell(0);
        var action = row.Cell(1);
        if (objective.Length > 0) priority.Objectives.Add((objective, []));
        if (action.Length > 0)
        {
            if (priority.Objectives.Count == 0)
            {
                problems.Add($"{Capital(row.Where)}: the action \"{Shown(action)}\" has no objective above it; write the objective in the Objective column of its first row.");
                return;
            }
            priority.Objectives[^1].Actions.Add(new ActionDraft(
                action, Measures(row.Lines(2)), Blank(row.Cell(3)), Blank(row.Cell(4))));
        }
        else if (objective.Length == 0)
            problems.Add($"{Capital(row.Where)}: the row has a success measure, lead or funding but no action; write the action in the Action column.");
        else if (!row.RestBlank(2) && row.Cells.Skip(2).Take(3).Any(c => !string.IsNullOrWhiteSpace(c)))
            problems.Add($"{Capital(row.Where)}: the objective \"{Shown(objective)}\" has a success measure, lead or funding but no action; write the action in the Action column.");
    }

    /// <summary>
    /// A cell's success measures: where the cell has bullets, each bullet starts a measure and the lines after it belong
    /// to it; where it has none, each line is a measure.
    /// </summary>
    private static List<string> Measures(IReadOnlyList<string> lines)
    {
        if (!lines.Any(IsBulleted)) return [.. lines];
        var measures = new List<string>();
        foreach (var line in lines)
        {
            if (IsBulleted(line) || measures.Count == 0) measures.Add(Unbullet(line));
            else measures[^1] += "\n" + line;
        }
        return measures.Where(m => m.Length > 0).ToList();
    }

    /// <summary>A sentence when the heading row is not the expected columns in order, naming what it has instead.</summary>
    private static string? HeadingProblem(GridRow row, IReadOnlyList<string> expected)
    {
        var found = row.Cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var matches = expected.Select((heading, i) => Same(row.Cell(i), heading)).All(m => m);
        if (matches) return null;
        var missing = expected.Where(h => !found.Any(f => Same(f, h))).ToList();
        return $"{Capital(row.Where)}: the table's heading row must be {string.Join(", ", expected)}; it has {string.Join(", ", found.Select(Shown))}" +
               (missing.Count > 0 ? $", without {string.Join(", ", missing)}." : ", in another order.");
    }

    private static PlanDocument Build(
        string title, string year, List<string> crossCutting, List<string> businessAsUsual, List<PriorityDraft> priorities,
        List<CommunicationDocument> communication, PlanDocument? embedded)
    {
        var usedActions = new HashSet<ActionDocument>(ReferenceEqualityComparer.Instance);
        var builtPriorities = priorities.OrderBy(p => p.Number).Select(p =>
        {
            var before = embedded?.Priorities.FirstOrDefault(e => e.Number == p.Number);
            return new PriorityDocument(
                p.Number, p.Name, p.Description, p.FocusAreas, p.FocusNote,
                p.Indicators.Select(text =>
                {
                    var old = before?.HeadlineIndicators?.FirstOrDefault(i => SameText(i.Text, text));
                    return new IndicatorDocument(text, old?.Measures ?? [], old?.MeasureNote);
                }).ToList(),
                p.Links, p.Funding,
                p.Objectives.Select(o =>
                {
                    var oldObjective = before?.Objectives.FirstOrDefault(e => SameText(e.Text, o.Text));
                    return new ObjectiveDocument(o.Text, oldObjective?.Measures ?? [], oldObjective?.MeasureNote, o.Actions.Select(a =>
                    {
                        var old = (oldObjective?.Actions ?? []).Concat((before?.Objectives ?? []).SelectMany(e => e.Actions))
                            .FirstOrDefault(e => !usedActions.Contains(e) && SameText(e.Text, a.Text));
                        if (old is not null) usedActions.Add(old);
                        var amount = old is not null && old.Funding == a.Funding ? old.FundingAmount : PlanLayout.AmountIn(a.Funding);
                        return new ActionDocument(old?.Ref, a.Text, a.Measures, a.Lead, a.Funding, amount, old?.Measures ?? [], old?.MeasureNote, old?.Deadline, old?.LinkedPlans);
                    }).ToList());
                }).ToList());
        }).ToList();

        var refs = builtPriorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).Select(a => a.Ref).OfType<string>().ToHashSet();
        var opcc = embedded?.Opcc is { } o
            ? o with { Projects = o.Projects.Select(p => p.Action is null || refs.Contains(p.Action) ? p : p with { Action = null }).ToList() }
            : new OpccDocument(0, null, []);
        return new PlanDocument(year, title, embedded?.Source, crossCutting, businessAsUsual, builtPriorities, opcc, communication, embedded?.TranscriptionNotes);
    }

    /// <summary>"Action Plan for 2023-2024" or "2023/24" gives 2023-24.</summary>
    private static string? YearInTitle(string title)
    {
        var match = TitleYear().Match(title);
        if (!match.Success) return null;
        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        return $"{start}-{(start + 1) % 100:00}";
    }

    private static bool Is(string text, string label) => string.Equals(text.Trim(), label, StringComparison.OrdinalIgnoreCase);

    /// <summary>Headings and texts match ignoring case, spaces and a plural s ("Success Measures").</summary>
    private static bool Same(string a, string b) => string.Equals(Squash(a), Squash(b), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string text)
    {
        var squashed = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return squashed.EndsWith('s') ? squashed[..^1] : squashed;
    }

    private static bool IsBulleted(string text) => text.Length > 0 && text[0] is '○' or '•' or '▪';

    private static string Unbullet(string text) => text.TrimStart('•', '○', '▪', ' ', '\t').Trim();

    /// <summary>Texts match as written, whatever the spaces and line breaks between their words.</summary>
    private static bool SameText(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Capital(string where) => where.Length == 0 ? where : char.ToUpperInvariant(where[0]) + where[1..];

    private static string Shown(string text) => text.Length <= Import.ImportLimits.MaxHeaderShown ? text : text[..(Import.ImportLimits.MaxHeaderShown - 3)] + "...";

    [GeneratedRegex(@"^Priority\s*(?<n>\d{1,3})\s*(?:[-–:]\s*(?<name>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityLabel();

    [GeneratedRegex(@"(?<start>20\d\d)\s*[-/–]\s*(?:20)?\d\d")]
    private static partial Regex TitleYear();
}
