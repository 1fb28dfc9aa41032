using NewsDigest.Core.Ingestion;

namespace NewsDigest.Web.Cli;

/// <summary>A one-line progress bar, drawn only on a terminal and only for folders large enough
/// to make someone wait; redirected output (CI, pipes) stays clean.</summary>
public sealed class ProgressBar(TextWriter output) : IProgress<ScanProgress>, IDisposable
{
    private const int Width = 30;
    private const int MinimumFiles = 200;
    private readonly Lock _gate = new();
    private int _lastPercent = -1;
    private bool _drawn;

    public static ProgressBar? ForTerminal(TextWriter output) =>
        Console.IsOutputRedirected ? null : new ProgressBar(output);

    public void Report(ScanProgress value)
    {
        if (value.Total < MinimumFiles)
        {
            return;
        }

        var percent = (int)(100L * value.Done / value.Total);
        lock (_gate)
        {
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            var filled = Width * percent / 100;
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  {value.Done}/{value.Total} files");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                output.WriteLine();
                _drawn = false;
            }
        }
    }
}
