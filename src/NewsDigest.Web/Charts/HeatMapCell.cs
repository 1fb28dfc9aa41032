namespace NewsDigest.Web.Charts;

/// <summary>A cell of the heat map: where it is drawn, its shade and the list it links to.</summary>
public sealed record HeatMapCell(string Industry, string Technology, int Count, int Shade, int X, int Y, string Url, string Title);
