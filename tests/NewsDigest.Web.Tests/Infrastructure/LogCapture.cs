using Serilog.Core;
using Serilog.Events;

namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps what the app logs (registered as a service, which the app's
/// logger reads), to check levels and properties.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
