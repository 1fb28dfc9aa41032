namespace NewsDigest.Samples;

/// <summary>One synthetic digest file: its name, its exact bytes, and whether it was broken on
/// purpose (a real folder also holds files the parser must reject).</summary>
public sealed record GeneratedDigest(string FileName, byte[] Content, bool IsMalformed);
