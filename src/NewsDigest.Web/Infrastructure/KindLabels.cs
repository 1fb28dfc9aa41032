using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>UI names of the tag kinds (localisation keys).</summary>
public static class KindLabels
{
    public static string Plural(TagKind kind) => kind switch
    {
        TagKind.Industry => "Industries",
        TagKind.Technology => "AI technologies",
        _ => "Keywords",
    };

    public static string Singular(TagKind kind) => kind switch
    {
        TagKind.Industry => "Industry",
        TagKind.Technology => "AI technology",
        _ => "Keyword",
    };
}
