using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AdeBot.Tests.Packaging;

/// A minimal PNG reader: the header of any PNG, and the pixels of 8-bit RGBA non-interlaced images.
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private const byte ColorTypeRgba = 6;

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte interlace, byte[] rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        _rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }
    public byte BitDepth { get; }
    public byte ColorType { get; }
    public byte Interlace { get; }
    public bool IsRgba8NonInterlaced => BitDepth == 8 && ColorType == ColorTypeRgba && Interlace == 0;

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            if (!IsRgba8NonInterlaced) throw new NotSupportedException("Only 8-bit RGBA non-interlaced pixels are decoded.");
            var i = (y * Width + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<(int X, int Y, (byte R, byte G, byte B, byte A) Pixel)> Pixels()
    {
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                yield return (x, y, this[x, y]);
    }

    public static PngImage Read(byte[] png)
    {
        if (!png.AsSpan().StartsWith(Signature)) throw new InvalidDataException("Not a PNG: the signature is wrong.");

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (offset + 12 > png.Length) throw new InvalidDataException("The PNG ends before its IEND chunk.");
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset)));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            if (crc != Crc32(png.AsSpan(offset + 4, length + 4)))
                throw new InvalidDataException($"The CRC of the {type} chunk is wrong.");

            switch (type)
            {
                case "IHDR":
                    if (offset != Signature.Length) throw new InvalidDataException("IHDR is not the first chunk.");
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }
            offset += 12 + length;
        }

        var rgba = bitDepth == 8 && colorType == ColorTypeRgba && interlace == 0
            ? Unfilter(Inflate(idat.ToArray()), width, height)
            : [];
        return new PngImage(width, height, bitDepth, colorType, interlace, rgba);
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return raw.ToArray();
    }

    private static byte[] Unfilter(byte[] filtered, int width, int height)
    {
        const int bytesPerPixel = 4;
        var stride = width * bytesPerPixel;
        if (filtered.Length != height * (stride + 1)) throw new InvalidDataException("The image data has the wrong length.");

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var source = filtered.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {y}."),
                };
                row[i] = (byte)(source[i] + predictor);
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
