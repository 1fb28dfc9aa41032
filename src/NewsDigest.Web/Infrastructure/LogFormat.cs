using Serilog;
using Serilog.Formatting.Compact;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// NewsDigest:Logging:Format: <c>text</c> (default) for people at a terminal, or <c>json</c> for a
/// log shipper: one JSON object a line (Serilog's compact format with the rendered message), with
/// the trace and span ids and, inside a request, its path.
/// </summary>
public enum LogFormat
{
    Text,
    Json,
}

public static class LogFormats
{
    public const string Key = "NewsDigest:Logging:Format";

    /// <summary>Reads the setting; anything but text or json is a one-line error naming the key.</summary>
    public static bool TryRead(IConfiguration configuration, out LogFormat format, out string error)
    {
        var value = configuration[Key];
        error = "";
        format = LogFormat.Text;
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Trim().Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            format = LogFormat.Json;
            return true;
        }

        error = $"{Key} must be text or json; it is '{value}'.";
        return false;
    }

    public static LoggerConfiguration Console(this LoggerConfiguration logger, LogFormat format) =>
        format == LogFormat.Json
            ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
            : logger.WriteTo.Console();
}
