using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Dashboard.Components.Pages.Imports;

/// <summary>The analyst's quarterly job: upload, preview, import or cancel; the history with undo; the beat map.</summary>
public sealed partial class ImportsPage
{
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private ImportHistoryPanel _history = null!;

    [Inject] private ImportService Imports { get; set; } = null!;
    [Inject] private ErrorReportDownloads Downloads { get; set; } = null!;
    [Inject] private DataSettings Settings { get; set; } = null!;
    [Inject] private IOptions<ImportsOptions> ImportsOptions { get; set; } = null!;
    [Inject] private ILogger<ImportsPage> Logger { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private Services.Access.CurrentPerson CurrentPerson { get; set; } = null!;
    [Inject] private CommunitySafety.Data.Audit.AuditLog Audit { get; set; } = null!;

    private ImportsOptions Options => ImportsOptions.Value;

    private ImportSession Session { get; set; } = null!;

    private string UploadRoot => UploadSpool.RootFor(Settings);

    protected override void OnInitialized()
    {
        Session = new ImportSession(Imports.Importer, Imports.BeatMaps, Downloads, UploadRoot, Options, Logger, CurrentPerson.GetAsync, Audit);
        Session.Changed += OnSessionChanged;
    }

    /// <summary>True once the file input's script has been set up, so that a test knows a file it sets will be heard.</summary>
    private bool _ready;

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        _ready = true;
        StateHasChanged();
    }

    private ITimer? _previewExpiry;

    private void OnSessionChanged() => _ = InvokeAsync(() =>
    {
        KeepPreviewExpiry();
        StateHasChanged();
    });

    /// <summary>A preview holds the import turn, so it closes itself after Imports:PreviewMinutes.</summary>
    private void KeepPreviewExpiry()
    {
        if (Session.Step != ImportStep.Preview)
        {
            _previewExpiry?.Dispose();
            _previewExpiry = null;
            return;
        }
        _previewExpiry ??= Time.CreateTimer(_ => _ = InvokeAsync(Session.ExpirePreview), null, Options.PreviewLifetime, Timeout.InfiniteTimeSpan);
    }

    private void ChooseFormat(CommunitySafety.Data.Model.ImportFormat format) => Session.Format = format;

    private async Task CommitAsync()
    {
        await Session.CommitAsync(new Dictionary<string, string>(_aliases, StringComparer.OrdinalIgnoreCase));
        _aliases.Clear();
        await _history.ReloadAsync();
    }

    public void Dispose()
    {
        _previewExpiry?.Dispose();
        Session.Changed -= OnSessionChanged;
        Session.Dispose();
    }
}
