using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsDigest.Core;

/// <summary>The settings registered with ValidateOnStart, checked before anything is opened or
/// served: each problem is one line naming the key (a value that does not even convert, such as
/// MaxFileBytes=lots, included).</summary>
public static class StartupSettings
{
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)];
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return [e.Message];
        }
    }
}
