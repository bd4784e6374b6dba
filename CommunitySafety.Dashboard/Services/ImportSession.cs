using System.Globalization;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Dashboard.Services;

public enum ImportStep { Choosing, Uploading, Waiting, Reading, Preview, Refused, Unchanged, Importing, Done, Failed }

/// <summary>
/// One analyst's import on the Imports page: files streamed to disk, read and checked (the preview), then imported
/// or cancelled. Holds the import turn from the preview until Import or Cancel, so what the preview says stays true.
/// Disposing it (the page closed, the browser gone) cancels what is under way and deletes its files. The import is
/// recorded as the person's, and its outcome goes into the audit trail. The page and POST /api/imports both use it.
/// Per instance by design: a session, its preview and its spooled files live with the page's circuit on one instance;
/// the database (SQLite's write lock, PostgreSQL's advisory lock) makes imports from several instances take turns.
/// </summary>
public sealed class ImportSession(
    Importer importer, BeatMapStore beatMaps, ErrorReportDownloads downloads, string uploadRoot, ImportsOptions options, ILogger logger,
    Func<Task<Person>> person, AuditLog audit) : IDisposable
{
    public const int ErrorsShown = 200;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly CancellationTokenSource _closing = new();
    private UploadSpool? _spool;
    private Person? _person;

    public ImportStep Step { get; private set; } = ImportStep.Choosing;

    /// <summary>What the next files are: police data (its format found from the files) or a population file.</summary>
    public ImportFormat Format { get; set; } = ImportFormat.Auto;
    public long BytesUploaded { get; private set; }
    public long BytesToUpload { get; private set; }
    public long BytesRead { get; private set; }
    public long BytesToRead { get; private set; }
    public string CurrentFile { get; private set; } = "";
    public PreparedImport? Prepared { get; private set; }
    public ImportReport? Report { get; private set; }

    /// <summary>Why the upload could not go ahead, in words for the analyst.</summary>
    public string? Problem { get; private set; }

    public string? ErrorReportUrl { get; private set; }

    /// <summary>Something changed worth showing; may be raised from a background thread.</summary>
    public event Action? Changed;

    /// <summary>True while the write waits for another instance's import (PostgreSQL serialises imports across servers).</summary>
    public bool WaitingForAnotherImport { get; private set; }

    public bool IsBusy => Step is ImportStep.Uploading or ImportStep.Waiting or ImportStep.Reading or ImportStep.Importing;

    public int UploadPercent => Percent(BytesUploaded, BytesToUpload);
    public int ReadPercent => Percent(BytesRead, BytesToRead);

    /// <summary>The sentence the live region reads out.</summary>
    public string Status => Step switch
    {
        ImportStep.Uploading => $"Uploading {CurrentFile}: {UploadPercent}% of {Megabytes(BytesToUpload)}.",
        ImportStep.Waiting => "Another import is in progress. Yours will start as soon as it has finished; you can leave this page open.",
        ImportStep.Reading => BytesToRead > 0 ? $"Reading and checking the files: {ReadPercent}%." : "Reading and checking the files.",
        ImportStep.Preview => "The files were read. Check what will change below, then choose Import or Cancel. Nothing has changed yet.",
        ImportStep.Refused => Report!.Message,
        ImportStep.Unchanged => Report!.Message,
        ImportStep.Importing => WaitingForAnotherImport
            ? "Another import is being written, perhaps from another server. Yours will be written as soon as it has finished; you can leave this page open."
            : "Importing.",
        ImportStep.Done => Report!.Message,
        ImportStep.Failed => Problem ?? "",
        _ => Problem ?? "",
    };

    public async Task StartAsync(IReadOnlyList<IncomingFile> files)
    {
        if (IsBusy || Step == ImportStep.Preview) return;
        Reset();
        var total = files.Sum(f => f.Size);
        if (files.Count == 0) return;
        if (total > options.MaxUploadBytes)
        {
            Fail($"The files come to {Megabytes(total)}; at most {options.MaxUploadMb} MB can be imported at once. " +
                 "Import them in smaller groups, for example a quarter at a time.");
            return;
        }

        _spool = new UploadSpool(uploadRoot);
        try
        {
            var uploaded = await UploadAsync(files, total);
            var errorReport = _spool.PathFor(ErrorReportDownloads.FileName);
            Step = importer.IsBusy ? ImportStep.Waiting : ImportStep.Reading;
            Raise();
            _person = await person();
            var request = new ImportRequest(uploaded, Format, beatMaps.CurrentPath, ImportedBy: _person.Name,
                new Progress(this), errorReport, Waiting: _ => { WaitingForAnotherImport = true; Raise(); });
            var prepared = await Task.Run(() => importer.PrepareAsync(request, _closing.Token), _closing.Token);
            if (_closing.IsCancellationRequested)
            {
                prepared.Dispose();
                return;
            }
            Prepared = prepared;
            if (prepared.IsReady)
            {
                Step = ImportStep.Preview;
            }
            else
            {
                Report = prepared.Report;
                Step = Report.Outcome == ImportOutcome.Refused ? ImportStep.Refused : ImportStep.Unchanged;
                if (Report.Outcome == ImportOutcome.Refused && File.Exists(errorReport)) ErrorReportUrl = downloads.Add(errorReport);
                await audit.WriteAsync(_person.Actor, AuditKinds.Import, $"{FileNames(files)}: {Report.Message}",
                    Report.Outcome == ImportOutcome.Refused ? AuditOutcomes.Refused : AuditOutcomes.Done);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page closed: Dispose removes the files.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.JSInterop.JSException)
        {
            logger.LogWarning(e, "An upload failed");
            Fail(e is IOException && e.Message.Contains("exceeds the maximum", StringComparison.OrdinalIgnoreCase)
                ? $"A file is larger than the {options.MaxUploadMb} MB that can be imported at once."
                : "The upload did not finish, so nothing was imported. Check the connection and try again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reading an upload failed");
            Fail("The files could not be read because of an unexpected problem, so nothing was imported. Try again; if it keeps happening, tell the dashboard's administrator.");
        }
        Raise();
    }

    /// <summary>Writes the previewed import, with the beat names the analyst chose to treat as known beats.</summary>
    public async Task CommitAsync(IReadOnlyDictionary<string, string> beatAliases)
    {
        if (Step != ImportStep.Preview || Prepared is null) return;
        Step = ImportStep.Importing;
        Raise();
        try
        {
            Report = await Task.Run(() => importer.CommitAsync(Prepared, beatAliases, _closing.Token));
            Step = ImportStep.Done;
            await audit.WriteAsync((_person ?? await person()).Actor, AuditKinds.Import,
                $"Import {Report.ImportId}: {string.Join(", ", Report.Files.Select(f => f.FileName))}: {Report.Message}",
                Report.Outcome == ImportOutcome.Refused ? AuditOutcomes.Refused : AuditOutcomes.Done);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "An import could not be written");
            Fail("The import could not be written, so nothing was changed. Try again; if it keeps happening, tell the dashboard's administrator.");
        }
        finally
        {
            DeleteUploads();
        }
        Raise();
    }

    public void Cancel()
    {
        if (Step != ImportStep.Preview) return;
        Reset();
        Problem = "The import was cancelled; nothing was changed.";
        Raise();
    }

    /// <summary>Closes a preview left open too long: it holds the import turn, and others are waiting for it.</summary>
    public void ExpirePreview()
    {
        if (Step != ImportStep.Preview) return;
        Reset();
        Problem = $"The preview was left open for {options.PreviewMinutes:0.#} minutes, so it was closed to let others import. " +
                  "Nothing was changed: drop the files again to import them.";
        Raise();
    }

    private async Task<List<UploadedFile>> UploadAsync(IReadOnlyList<IncomingFile> files, long total)
    {
        Step = ImportStep.Uploading;
        BytesToUpload = total;
        var uploaded = new List<UploadedFile>();
        long before = 0;
        var lastPercent = -1;
        foreach (var file in files)
        {
            CurrentFile = file.Name;
            Raise();
            // The limit is for the upload in all: each file may use only what the ones before it left.
            var path = await _spool!.SaveAsync(file, options.MaxUploadBytes - before, bytes =>
            {
                BytesUploaded = before + bytes;
                if (UploadPercent != lastPercent)
                {
                    lastPercent = UploadPercent;
                    Raise();
                }
            }, _closing.Token);
            before += new FileInfo(path).Length;
            uploaded.Add(new UploadedFile(path, Path.GetFileName(file.Name)));
        }
        return uploaded;
    }

    private static string FileNames(IReadOnlyList<IncomingFile> files) => string.Join(", ", files.Select(f => Path.GetFileName(f.Name)));

    private void Fail(string problem)
    {
        Reset();
        Step = ImportStep.Failed;
        Problem = problem;
    }

    /// <summary>Back to choosing files: any prepared import is cancelled and every file of the last upload deleted.</summary>
    private void Reset()
    {
        Prepared?.Dispose();
        Prepared = null;
        Report = null;
        Problem = null;
        DeleteUploads();
        Step = ImportStep.Choosing;
        WaitingForAnotherImport = false;
        BytesUploaded = BytesToUpload = BytesRead = BytesToRead = 0;
    }

    /// <summary>The uploaded files and the error report; a refused upload keeps them until the next upload or until the page closes.</summary>
    private void DeleteUploads()
    {
        downloads.Remove(ErrorReportUrl);
        ErrorReportUrl = null;
        _spool?.Dispose();
        _spool = null;
    }

    private void Raise() => Changed?.Invoke();

    public void Dispose()
    {
        _closing.Cancel();
        Prepared?.Dispose();
        downloads.Remove(ErrorReportUrl);
        _spool?.Dispose();
    }

    private static int Percent(long done, long total) => total <= 0 ? 0 : (int)Math.Min(100, done * 100 / total);

    public static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024).ToString("N0", Invariant)} KB"
        : $"{(bytes / 1024.0 / 1024.0).ToString("N1", Invariant)} MB";

    /// <summary>The reading's progress, on the reading thread: throttled to whole percents.</summary>
    private sealed class Progress(ImportSession session) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            var step = session.Step;
            session.Step = ImportStep.Reading;
            var before = session.ReadPercent;
            session.BytesRead = value.BytesRead;
            session.BytesToRead = value.TotalBytes;
            if (step != ImportStep.Reading || session.ReadPercent != before) session.Raise();
        }
    }
}
