using System.Net;
using System.Text;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// The language and theme switches send the reader back to <c>returnUrl</c>. Browsers repair
/// what they get (TAB, CR and LF dropped, a backslash read as a slash), so every member of the
/// known bypass family must land on "/", and no return URL may reach a 500.
/// </summary>
public sealed class OpenRedirectTests
{
    private static readonly string[] Switches = ["/settings/theme?value=dark", "/settings/language?culture=en"];

    // The returnUrl as it stands in the query string, and where the reader must be sent.
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "/%09/evil.example", "/" },
        { "/%0d/evil.example", "/" },
        { "/%0a/evil.example", "/" },
        { "/%0a/x", "/" },
        { "/%0d%0aSet-Cookie:%20a=b", "/" },
        { "/%00/x", "/" },
        { "/%5Cevil.example", "/" },
        { "%5C%5Cevil.example", "/" },
        { "/%5C/evil.example", "/" },
        { "//evil.example", "/" },
        { "%2F%2Fevil.example", "/" },
        { "/%2F/evil.example", "/" },
        { "/%252F/evil.example", "/" },
        { "/%255C/evil.example", "/" },
        { "/%2509/evil.example", "/" },
        { "///evil.example", "/" },
        { "https://evil.example/", "/" },
        { "http:%2F%2Fevil.example", "/" },
        { "javascript:alert(1)", "/" },
        { "%20/evil.example", "/" },
        { "/%20/evil.example", "/" },
        { "%E3%80%80", "/" },
        { "/%E3%80%80/x", "/" },
        { "/" + new string('a', 5000), "/" },
        { "", "/" },
        { "/tags", "/tags" },
        { "/tags/industry/%E5%8C%BB%E7%96%97", "/tags/industry/%E5%8C%BB%E7%96%97" },
        { "%2F%3Fq%3D%E6%A8%A1%E5%9E%8B%26industry%3DAI", "/?q=%E6%A8%A1%E5%9E%8B&industry=AI" },
        { "/articles/x%F0%9F%9A%80", "/articles/x%F0%9F%9A%80" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_return_url_is_a_local_path_or_home(string returnUrl, string expected)
    {
        using var app = new TestApp();
        var client = await app.StartOnKestrelAsync();

        foreach (var settings in Switches)
        {
            var response = await client.GetAsync($"{settings}&returnUrl={returnUrl}");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.Equal(expected, location);
            Assert.True(Ascii.IsValid(location) && !location.Any(char.IsControl), location);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(settings.Contains("theme") ? "theme=dark" : ".AspNetCore.Culture=", StringComparison.Ordinal));
        }
    }
}
