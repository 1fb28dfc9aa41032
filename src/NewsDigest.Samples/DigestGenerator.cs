using System.Globalization;
using System.Text;

namespace NewsDigest.Samples;

/// <summary>Writes realistic synthetic digest files for the demo portal, search tests and
/// benchmarks. The same seed gives the same bytes on every run and machine: every file draws from
/// its own <see cref="Random"/> seeded from (seed, index), so file N does not depend on how many
/// files are asked for or on the malformed share (apart from whether N itself is broken).</summary>
public sealed class DigestGenerator(int seed)
{
    private const double DuplicateShare = 0.02;
    private const int DuplicateLookBack = 100;
    private const ulong FileStream = 1;
    private const ulong StoryStream = 2;

    public IEnumerable<GeneratedDigest> Generate(int count, double malformedShare = 0)
    {
        // Checked here, not inside the iterator, so a bad call fails at once rather than on first use.
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(malformedShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(malformedShare), malformedShare, "Must be between 0 and 1.");
        }

        return GenerateLazily(count, malformedShare);
    }

    /// <summary>Creates <paramref name="folder"/> if needed and writes the files into it,
    /// overwriting files of the same name. Returns how many files were written.</summary>
    public int WriteTo(string folder, int count, double malformedShare = 0)
    {
        var digests = Generate(count, malformedShare);
        Directory.CreateDirectory(folder);
        int written = 0;
        foreach (var digest in digests)
        {
            File.WriteAllBytes(Path.Combine(folder, digest.FileName), digest.Content);
            written++;
        }

        return written;
    }

    private IEnumerable<GeneratedDigest> GenerateLazily(int count, double malformedShare)
    {
        // One composer and buffer per enumeration: reused across files, never shared between enumerations.
        var composer = new DigestComposer();
        var text = new StringBuilder(32 * 1024);
        for (int index = 0; index < count; index++)
        {
            yield return Create(index, malformedShare, composer, text);
        }
    }

    private GeneratedDigest Create(int index, double malformedShare, DigestComposer composer, StringBuilder text)
    {
        ulong key = ((ulong)(uint)seed << 32) | (uint)index;
        // Mix is a bijection, so names of one seed never collide.
        string fileName = string.Create(CultureInfo.InvariantCulture, $"{index:D3}_{Mix(key):x16}.txt");
        var random = RandomFor(key, FileStream);

        bool malformed = random.NextDouble() < malformedShare;
        int storyIndex = index > 0 && random.NextDouble() < DuplicateShare
            ? index - 1 - random.Next(Math.Min(index, DuplicateLookBack))
            : index;
        ulong storyKey = ((ulong)(uint)seed << 32) | (uint)storyIndex;
        var story = composer.CreateStory(RandomFor(storyKey, StoryStream));

        if (malformed)
        {
            return new GeneratedDigest(fileName, CreateMalformed(story, random, composer, text), IsMalformed: true);
        }

        composer.Compose(text, story, random, includeTitle: true);
        return new GeneratedDigest(fileName, Encode(text, random), IsMalformed: false);
    }

    /// <summary>The ways a real folder's files are broken, in about equal shares.</summary>
    private static byte[] CreateMalformed(DigestStory story, Random random, DigestComposer composer, StringBuilder text)
    {
        switch (random.Next(5))
        {
            case 0:
                composer.Compose(text, story, random, includeTitle: false);
                return Encode(text, random);
            case 1:
                return [];
            case 2:
                return CreateBinaryJunk(random);
            case 3:
                composer.Compose(text, story, random, includeTitle: true);
                return InsertInvalidUtf8(Encode(text, random), random);
            default:
                text.Clear();
                foreach (string label in (string[])["标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要"])
                {
                    text.Append(label).Append(random.Next(2) == 0 ? ":" : "：").Append('\n');
                }

                return Encode(text, random);
        }
    }

    /// <summary>UTF-8 bytes, with a BOM in about 10% of files and CRLF line ends in about 15%.</summary>
    private static byte[] Encode(StringBuilder text, Random random)
    {
        bool byteOrderMark = random.NextDouble() < 0.10;
        if (random.NextDouble() < 0.15)
        {
            text.Replace("\n", "\r\n");
        }

        string content = text.ToString();
        int offset = byteOrderMark ? 3 : 0;
        var bytes = new byte[offset + Encoding.UTF8.GetByteCount(content)];
        if (byteOrderMark)
        {
            bytes[0] = 0xEF;
            bytes[1] = 0xBB;
            bytes[2] = 0xBF;
        }

        Encoding.UTF8.GetBytes(content, 0, content.Length, bytes, offset);
        return bytes;
    }

    /// <summary>An image saved under a .txt name: a PNG signature, then random bytes with NULs.</summary>
    private static byte[] CreateBinaryJunk(Random random)
    {
        var bytes = new byte[random.Next(64, 4096)];
        random.NextBytes(bytes);
        ReadOnlySpan<byte> pngStart = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
        pngStart.CopyTo(bytes);
        for (int i = pngStart.Length; i < bytes.Length; i += random.Next(1, 32))
        {
            bytes[i] = 0;
        }

        return bytes;
    }

    /// <summary>Inserts 0xFF bytes, which never occur in UTF-8, at character boundaries inside the
    /// text: what a stray byte from another encoding or a damaged copy leaves behind.</summary>
    private static byte[] InsertInvalidUtf8(byte[] valid, Random random)
    {
        int position = random.Next(valid.Length / 4, valid.Length / 2);
        while (position < valid.Length && (valid[position] & 0xC0) == 0x80)
        {
            position++; // Skip continuation bytes to land on the start of a character.
        }

        var bytes = new byte[valid.Length + 2];
        valid.AsSpan(0, position).CopyTo(bytes);
        bytes[position] = 0xFF;
        bytes[position + 1] = 0xFE;
        valid.AsSpan(position).CopyTo(bytes.AsSpan(position + 2));
        return bytes;
    }

    private static Random RandomFor(ulong key, ulong stream) => new((int)Mix(Mix(key) ^ stream));

    /// <summary>SplitMix64's finaliser: a fixed, platform-independent bijection on 64-bit values that
    /// spreads neighbouring keys apart (string.GetHashCode is randomised per process).</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}
