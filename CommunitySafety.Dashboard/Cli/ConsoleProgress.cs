using CommunitySafety.Data.Import;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>A progress bar on standard error, only when it is a terminal (never in logs or pipes).</summary>
internal sealed class ConsoleProgress : IProgress<ImportProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _lastPercent = -1;
    private bool _drawn;

    public static ConsoleProgress? ForStandardError() => Console.IsErrorRedirected ? null : new ConsoleProgress();

    public void Report(ImportProgress value)
    {
        if (value.TotalBytes <= 0) return;
        var percent = (int)Math.Min(100, value.BytesRead * 100 / value.TotalBytes);
        lock (_gate)
        {
            if (percent == _lastPercent) return;
            _lastPercent = percent;
            var filled = percent * Width / 100;
            var name = value.FileName.Length > 40 ? "..." + value.FileName[^37..] : value.FileName;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}% {name,-40}");
            _drawn = true;
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn) Console.Error.Write("\r" + new string(' ', Width + 48) + "\r");
            _drawn = false;
        }
    }

    public void Dispose() => Finish();
}
