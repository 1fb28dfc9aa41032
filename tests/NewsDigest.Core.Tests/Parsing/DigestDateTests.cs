using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class DigestDateTests
{
    [Theory]
    [InlineData("2024-03-15", "2024-03-15")]
    [InlineData("2024-3-5", "2024-03-05")]
    [InlineData("2024/3/15", "2024-03-15")]
    [InlineData("2024年3月15日", "2024-03-15")]
    [InlineData("2024年03月15日", "2024-03-15")]
    [InlineData("2024年3月15", "2024-03-15")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2024-03-15T08:00:00Z", "2024-03-15")]
    [InlineData(" 2024-03-15 08:00 ", "2024-03-15")]
    public void Valid_dates_are_read(string value, string expected)
    {
        Assert.True(DigestDate.TryParse(value, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("昨天")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-1-0")]
    [InlineData("24-3-15")]
    [InlineData("20240315")]
    [InlineData("2024-3/15")]
    [InlineData("2024年3-15日")]
    [InlineData("2024-03-150")]
    [InlineData("2024-03-15号外")]
    [InlineData("0000-01-01")]
    public void Invalid_dates_are_not_read(string value)
    {
        Assert.False(DigestDate.TryParse(value, out _));
    }
}
