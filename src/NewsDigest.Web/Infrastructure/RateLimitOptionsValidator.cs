using Microsoft.Extensions.Options;

namespace NewsDigest.Web.Infrastructure;

/// <summary>NewsDigest:RateLimit:* checked at start: a window of 0 s or 0 permits would refuse every search.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitsPerWindow < 1)
        {
            failures.Add($"{RateLimitOptions.Section}:{nameof(options.PermitsPerWindow)} must be at least 1; it is {options.PermitsPerWindow}.");
        }

        if (options.WindowSeconds < 1)
        {
            failures.Add($"{RateLimitOptions.Section}:{nameof(options.WindowSeconds)} must be at least 1; it is {options.WindowSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
