namespace NewsDigest.Core.Parsing;

/// <summary>The fields of a digest file; two labels (发布时间, 日期) share <see cref="Date"/>.</summary>
internal enum DigestField
{
    Title,
    Link,
    Text,
    Keywords,
    Technologies,
    Industries,
    Events,
    Date,
}
