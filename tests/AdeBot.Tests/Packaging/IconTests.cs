using System.Globalization;
using System.Text.Json.Nodes;

namespace AdeBot.Tests.Packaging;

/// Teams wants a 192x192 full-colour icon and a 32x32 outline that is white on transparent.
public sealed class IconTests
{
    private static PngImage Icon(string name) => PngImage.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.ManifestTemplate, name)));

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ManifestTemplate, "manifest.json")))!;

    [Fact]
    public void The_manifest_names_the_two_icons()
    {
        var icons = Manifest()["icons"]!;

        Assert.Equal("color.png", (string?)icons["color"]);
        Assert.Equal("outline.png", (string?)icons["outline"]);
    }

    [Fact]
    public void The_colour_icon_is_192_by_192_opaque_on_the_accent_colour_with_a_white_motif()
    {
        var icon = Icon("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.True(icon.IsRgba8NonInterlaced, $"expected 8-bit RGBA, found bit depth {icon.BitDepth}, colour type {icon.ColorType}, interlace {icon.Interlace}");
        Assert.All(icon.Pixels(), pixel => Assert.Equal(255, pixel.Pixel.A));

        var accent = (string)Manifest()["accentColor"]!;
        var expected = (
            byte.Parse(accent[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(accent[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(accent[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            (byte)255);
        foreach (var (x, y) in new[] { (0, 0), (191, 0), (0, 191), (191, 191), (96, 4) })
            Assert.Equal(expected, icon[x, y]);

        // The motif sits well inside the area Teams keeps when it rounds the icon's corners.
        var white = icon.Pixels().Where(pixel => pixel.Pixel is (255, 255, 255, 255)).ToList();
        Assert.InRange(white.Count, 192 * 192 / 10, 192 * 192 / 2);
        Assert.All(white, pixel => Assert.True(pixel.X is >= 24 and < 168 && pixel.Y is >= 24 and < 168, $"white pixel at ({pixel.X},{pixel.Y}) is too close to the edge"));
    }

    [Fact]
    public void The_outline_icon_is_32_by_32_white_on_transparent_without_padding()
    {
        var icon = Icon("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.IsRgba8NonInterlaced, $"expected 8-bit RGBA, found bit depth {icon.BitDepth}, colour type {icon.ColorType}, interlace {icon.Interlace}");
        Assert.All(icon.Pixels(), pixel => Assert.True(
            pixel.Pixel.A == 0 || pixel.Pixel is (255, 255, 255, _),
            $"pixel ({pixel.X},{pixel.Y}) is {pixel.Pixel}: only white or fully transparent pixels are allowed"));

        var transparent = icon.Pixels().Count(pixel => pixel.Pixel.A == 0);
        var drawn = icon.Pixels().Where(pixel => pixel.Pixel.A > 0).ToList();
        Assert.InRange(transparent, 32 * 32 / 3, 32 * 32 - 1);
        Assert.InRange(drawn.Count(pixel => pixel.Pixel.A == 255), 32 * 32 / 10, 32 * 32 / 2);
        Assert.Equal((0, 0, 0, 0), icon[0, 0]);

        // Teams asks for no padding: the drawing reaches (nearly) every edge.
        Assert.True(drawn.Min(pixel => pixel.X) <= 1 && drawn.Max(pixel => pixel.X) >= 30, "the outline does not span the icon's width");
        Assert.True(drawn.Min(pixel => pixel.Y) <= 1 && drawn.Max(pixel => pixel.Y) >= 30, "the outline does not span the icon's height");
    }
}
