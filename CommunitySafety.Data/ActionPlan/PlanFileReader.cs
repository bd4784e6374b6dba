using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CommunitySafety.Data.Import;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>The bounds a plan file is held to: a real plan is a few hundred kilobytes.</summary>
public static class PlanFileLimits
{
    public const long MaxFileBytes = 10L << 20;
    public const int MaxZipEntries = 200;
    public const long MaxEntryBytes = 20L << 20;
    public const long MaxUnpackedBytes = 40L << 20;
    public const int MaxRows = 10_000;
    public const int MaxColumns = 50;

    /// <summary>The longest text of one item (an action, a measure, a note), in characters.</summary>
    public const int MaxTextLength = 10_000;
}

public enum PlanFileFormat
{
    Json,
    Docx,
    Xlsx,
}

/// <summary>What a plan file held: the plan, or every problem found (then no plan), each a sentence naming where.</summary>
public sealed record PlanFileRead(PlanFileFormat? Format, PlanDocument? Plan, IReadOnlyList<string> Problems)
{
    public static PlanFileRead Refused(string problem, PlanFileFormat? format = null) => new(format, null, [problem]);
}

/// <summary>
/// Reads a plan from our .docx, our .xlsx (or one laid out the same way) or the JSON plan file, whatever the file is
/// called: every file is hostile, so it is size-checked, its zip unpacked within limits, and all its problems listed.
/// </summary>
public static class PlanFileReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldOfficeSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static PlanFileRead Read(Stream stream, string fileName)
    {
        var name = Shown(Path.GetFileName(fileName));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PlanFileLimits.MaxFileBytes)
                return PlanFileRead.Refused($"The file {name} is more than {ZipLimits.Megabytes(PlanFileLimits.MaxFileBytes)}, larger than any plan: check that it is the right file.");
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return PlanFileRead.Refused($"The file {name} is empty.");

        if (bytes.AsSpan().StartsWith(ZipSignature)) return ReadOffice(bytes, name);
        if (bytes.AsSpan().StartsWith(OldOfficeSignature))
            return PlanFileRead.Refused($"The file {name} is an older Word or Excel file (.doc or .xls); open it and save it as .docx or .xlsx first.");
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{')) return ReadJson(bytes, name);
        return PlanFileRead.Refused($"The file {name} is not a Word (.docx) or Excel (.xlsx) file, nor a JSON plan file.");
    }

    private static PlanFileRead ReadJson(byte[] bytes, string name)
    {
        PlanDocument? plan;
        try
        {
            plan = JsonSerializer.Deserialize<PlanDocument>(bytes, PlanDocument.JsonOptions);
        }
        catch (JsonException e)
        {
            return PlanFileRead.Refused($"The file {name} is not a plan the dashboard can read (line {e.LineNumber + 1}): {Shown(e.Message)}", PlanFileFormat.Json);
        }
        if (plan is null) return PlanFileRead.Refused($"The file {name} holds no plan.", PlanFileFormat.Json);
        return Checked(PlanFileFormat.Json, plan);
    }

    private static PlanFileRead ReadOffice(byte[] bytes, string name)
    {
        var (package, problem) = Unpack(bytes, name);
        if (problem is not null) return PlanFileRead.Refused(problem);
        using (package)
        {
            PlanFileFormat? format;
            using (var zip = new ZipArchive(package!, ZipArchiveMode.Read, leaveOpen: true))
            {
                format = zip.GetEntry("word/document.xml") is not null ? PlanFileFormat.Docx
                    : zip.GetEntry("xl/workbook.xml") is not null ? PlanFileFormat.Xlsx
                    : null;
            }
            if (format is null) return PlanFileRead.Refused($"The file {name} is a zip, but not a Word (.docx) or Excel (.xlsx) file.");
            package!.Position = 0;
            IReadOnlyList<GridRow> rows;
            PlanDocument? embedded;
            try
            {
                (rows, embedded) = format == PlanFileFormat.Docx ? PlanWordFile.ReadRows(package) : PlanExcelFile.ReadRows(package);
            }
            catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException
                                          or InvalidOperationException or FormatException or IOException)
            {
                var kind = format == PlanFileFormat.Docx ? "Word" : "Excel";
                return PlanFileRead.Refused(
                    e is InvalidDataException && e.Message.StartsWith("The ", StringComparison.Ordinal)
                        ? $"{e.Message} ({name})"
                        : $"The file {name} could not be read as a {kind} file: it is damaged, or not really a .{format.ToString()!.ToLowerInvariant()}.", format);
            }
            if (rows.Count > PlanFileLimits.MaxRows)
                return PlanFileRead.Refused($"The file {name} has more than {PlanFileLimits.MaxRows:N0} rows, more than any plan: check that it is the right file.", format);
            foreach (var row in rows)
            {
                var tooLong = row.Cells.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Length > PlanFileLimits.MaxTextLength);
                if (tooLong.c is not null)
                    return PlanFileRead.Refused($"{Capital(row.Where)}, column {tooLong.i + 1}: the text is {tooLong.c.Length:N0} characters long; a cell may hold at most {PlanFileLimits.MaxTextLength:N0}.", format);
            }
            var (plan, problems) = PlanGridReader.Read(rows, embedded);
            return plan is null ? new PlanFileRead(format, null, problems) : Checked(format.Value, plan);
        }
    }

    /// <summary>
    /// The zip copied into memory entry by entry, every entry's name and size checked first and the bytes actually
    /// unpacked counted while copying, so a zip bomb stops at the limit; the Office reader then opens the copy.
    /// </summary>
    private static (MemoryStream? Package, string? Problem) Unpack(byte[] bytes, string name)
    {
        var copy = new MemoryStream();
        try
        {
            using var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (source.Entries.Count > PlanFileLimits.MaxZipEntries)
                return (null, $"The file {name} holds {source.Entries.Count:N0} files inside; a Word or Excel plan holds a few dozen. It is not a plan.");
            long declared = 0;
            foreach (var entry in source.Entries)
            {
                if (entry.FullName.Contains("..", StringComparison.Ordinal) || entry.FullName.StartsWith('/') || entry.FullName.StartsWith('\\') || entry.FullName.Contains(':'))
                    return (null, $"The file {name} holds a part named {Shown(entry.FullName)}, pointing outside the file; it is refused.");
                if (entry.Length > PlanFileLimits.MaxEntryBytes)
                    return (null, $"The file {name} holds a part ({Shown(entry.FullName)}) that unpacks to {ZipLimits.Megabytes(entry.Length)}, more than the {ZipLimits.Megabytes(PlanFileLimits.MaxEntryBytes)} a part may be.");
                declared += entry.Length;
            }
            if (declared > PlanFileLimits.MaxUnpackedBytes)
                return (null, $"The file {name} unpacks to {ZipLimits.Megabytes(declared)}, more than the {ZipLimits.Megabytes(PlanFileLimits.MaxUnpackedBytes)} a plan may be.");

            using (var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
            {
                long total = 0;
                var chunk = new byte[81920];
                foreach (var entry in source.Entries)
                {
                    var limit = Math.Min(entry.Length, PlanFileLimits.MaxEntryBytes);
                    using var input = entry.Open();
                    using var output = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                    long written = 0;
                    int read;
                    while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
                    {
                        written += read;
                        total += read;
                        if (written > limit || total > PlanFileLimits.MaxUnpackedBytes)
                            return (null, $"The file {name} holds a part ({Shown(entry.FullName)}) that unpacks to more than it says it holds; it is refused as damaged or hostile.");
                        output.Write(chunk, 0, read);
                    }
                }
            }
            copy.Position = 0;
            return (copy, null);
        }
        catch (InvalidDataException)
        {
            return (null, $"The file {name} is damaged: it starts like a Word or Excel file but its contents cannot be unpacked.");
        }
    }

    /// <summary>The plan's own checks: everything it needs is there, texts within their limit, and the loading rules of <see cref="PlanConversion.Problems"/>.</summary>
    private static PlanFileRead Checked(PlanFileFormat format, PlanDocument plan)
    {
        var problems = new List<string>();
        void Text(string? text, string what, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(text)) problems.Add($"{what} is empty; it is needed.");
            else if (text?.Length > PlanFileLimits.MaxTextLength)
                problems.Add($"{what} is {text.Length:N0} characters long; at most {PlanFileLimits.MaxTextLength:N0} are allowed.");
        }
        Text(plan.FinancialYear, "The plan's financial year", required: true);
        Text(plan.Title, "The plan's title", required: true);
        foreach (var (item, i) in (plan.CrossCuttingPriorities ?? []).Select((x, i) => (x, i))) Text(item, $"Cross-cutting priority {i + 1}", required: true);
        foreach (var (item, i) in (plan.BusinessAsUsual ?? []).Select((x, i) => (x, i))) Text(item, $"Business as usual item {i + 1}", required: true);
        foreach (var priority in plan.Priorities ?? [])
        {
            if (priority is null)
            {
                problems.Add("One of the plan's priorities is empty (null).");
                continue;
            }
            var p = $"Priority {priority.Number}";
            Text(priority.Name, $"{p}'s name", required: true);
            Text(priority.Description, $"{p}'s description");
            Text(priority.LinksToOtherPlans, $"{p}'s links to other plans");
            Text(priority.Funding, $"{p}'s funding");
            foreach (var (indicator, i) in (priority.HeadlineIndicators ?? []).Select((x, i) => (x, i))) Text(indicator?.Text, $"{p}, headline indicator {i + 1}", required: true);
            if (priority.Objectives is null)
            {
                problems.Add($"{p} has no list of objectives.");
                continue;
            }
            foreach (var (objective, o) in priority.Objectives.Select((x, i) => (x, i)))
            {
                var where = $"{p}, objective {o + 1}";
                Text(objective?.Text, where, required: true);
                if (objective?.Actions is null)
                {
                    problems.Add($"{where} has no list of actions.");
                    continue;
                }
                foreach (var (action, a) in objective.Actions.Select((x, i) => (x, i)))
                {
                    var at = $"{where}, action {a + 1}";
                    Text(action?.Text, at, required: true);
                    Text(action?.Lead, $"{at}'s lead");
                    Text(action?.Funding, $"{at}'s funding");
                    foreach (var measure in action?.SuccessMeasures ?? []) Text(measure, $"{at}'s success measure", required: true);
                }
            }
        }
        if (plan.Opcc is { Projects: null }) problems.Add("The plan's OPCC part has no list of projects.");
        foreach (var (project, i) in (plan.Opcc?.Projects ?? []).Select((x, i) => (x, i))) Text(project?.Name, $"OPCC project {i + 1}'s name", required: true);
        foreach (var (item, i) in (plan.CommunicationPlan ?? []).Select((x, i) => (x, i))) Text(item?.Description, $"Communication plan item {i + 1}", required: true);
        if (problems.Count == 0 && plan.Priorities is not null) problems.AddRange(PlanConversion.Problems(plan));
        else if (plan.Priorities is null) problems.Add("The plan has no priorities.");
        return problems.Count == 0 ? new PlanFileRead(format, plan, []) : new PlanFileRead(format, null, problems.Take(ImportLimits.ErrorsListed).ToList());
    }

    private static string Capital(string where) => where.Length == 0 ? where : char.ToUpperInvariant(where[0]) + where[1..];

    private static string Shown(string text) => text.Length <= ImportLimits.MaxHeaderShown ? text : text[..(ImportLimits.MaxHeaderShown - 3)] + "...";
}
