using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace NewsDigest.Web.Tests.Security;

/// <summary>A probe's 503 is an answer, not a fault: it is never logged as an error, while the
/// cause is logged by the component that is not ready.</summary>
public sealed class ProbeLoggingTests
{
    [Fact]
    public async Task A_503_from_readyz_is_not_logged_as_an_error()
    {
        var log = new LogCapture();
        var nowhere = Path.Combine(Path.GetTempPath(), "newsdigest-no-such-folder-" + Guid.NewGuid().ToString("N"));
        using var app = new TestApp(new() { ["NewsDigest:SeedsPath"] = nowhere })
            .WithServices(services => services.AddSingleton<ILogEventSink>(log));
        var client = await app.StartAsync();

        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain(log.Events, e => e.Level >= LogEventLevel.Error && e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/readyz\"");
        var cause = Assert.Single(log.Events, e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains(nowhere, StringComparison.Ordinal));
        Assert.Contains("does not exist", cause.RenderMessage());
        Assert.Null(cause.Exception);
    }
}
