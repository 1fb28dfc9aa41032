namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>A screen size the portal is checked at.</summary>
public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Phone = new("phone", 390, 844);

    public static readonly Viewport Desktop = new("desktop", 1280, 800);

    public static readonly Viewport[] All = [Phone, Desktop];

    public override string ToString() => Name;
}
