using System.Diagnostics.CodeAnalysis;

namespace NewsDigest.Core.Storage;

/// <summary>Names of <see cref="TagKind"/> in the database and in URLs (industry, tech, keyword).</summary>
public static class TagKinds
{
    public static readonly IReadOnlyList<TagKind> All = [TagKind.Industry, TagKind.Technology, TagKind.Keyword];

    /// <summary>The value stored in tags.kind.</summary>
    public static string DatabaseName(this TagKind kind) => kind switch
    {
        TagKind.Industry => "industry",
        TagKind.Technology => "technology",
        TagKind.Keyword => "keyword",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The query-string parameter and JSON facet name: industry, tech, keyword.</summary>
    public static string ParameterName(this TagKind kind) => kind switch
    {
        TagKind.Industry => "industry",
        TagKind.Technology => "tech",
        TagKind.Keyword => "keyword",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TagKind FromDatabaseName(string name) => name switch
    {
        "industry" => TagKind.Industry,
        "technology" => TagKind.Technology,
        "keyword" => TagKind.Keyword,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown tag kind"),
    };

    /// <summary>Accepts the parameter name and the database name (tags/technology/tech both work).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out TagKind? kind)
    {
        kind = name?.ToLowerInvariant() switch
        {
            "industry" => TagKind.Industry,
            "tech" or "technology" => TagKind.Technology,
            "keyword" => TagKind.Keyword,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>Tags match case-insensitively for Latin text and across full-width forms.</summary>
    public static string Normalize(string value) =>
        value.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
