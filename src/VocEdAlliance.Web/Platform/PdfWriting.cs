using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace VocEdAlliance.Web.Platform;

/// <summary>The fonts the portal's PDFs are set in, shipped inside the portal (no font has to be installed on the
/// server): Droid Sans Fallback (Apache-2.0) for Chinese, DejaVu Sans (Bitstream Vera licence) for Latin letters and
/// digits, which the Chinese font lacks. Both are TrueType outlines, which PDFsharp embeds (subset); Noto Sans CJK is
/// CFF-based and its collections (.ttc) are not read by PDFsharp 6.</summary>
public sealed class PortalFonts : IFontResolver
{
    public const string Chinese = "DroidSansFallbackFull";
    public const string Latin = "DejaVuSans";

    private static readonly Lock Registering = new();

    /// <summary>PDFsharp's font resolver is process-wide: set it once, whoever asks first.</summary>
    public static void Register()
    {
        lock (Registering)
        {
            if (GlobalFontSettings.FontResolver is not PortalFonts)
            {
                GlobalFontSettings.FontResolver = new PortalFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(familyName == Chinese ? Chinese : Latin, mustSimulateBold: bold, mustSimulateItalic: false);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PortalFonts).Assembly.GetManifestResourceStream($"VocEdAlliance.Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"The font {faceName} is not in the portal.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>QR codes (QRCoder) of the portal's addresses.</summary>
public static class QrCodes
{
    /// <summary>An SVG of the text's QR code, scaling to its box; no text of the user's goes into it but the address.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

/// <summary>A page-by-page writer of simple documents (headings, label–value lines, wrapped paragraphs, tables, a QR
/// code) on A4 with PDFsharp. Text is split into runs set in the Latin or the Chinese font, character by character,
/// since neither font has every glyph; lines wrap at the width (between any two Chinese characters, at spaces in Latin
/// text). PDFsharp draws but does not lay out text (MigraDoc, which does, is not in the package mirror).</summary>
public sealed class PdfComposer : IDisposable
{
    private const double Margin = 50;
    private readonly PdfDocument document = new();
    private readonly string footer;
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;

    public PdfComposer(string title, string footer)
    {
        PortalFonts.Register();
        document.Info.Title = title;
        document.Info.Creator = "VocEdAlliance";
        this.footer = footer;
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
        Draw(footer, 8, Margin, page.Height.Point - Margin / 2, XBrushes.Gray);
        Draw(string.Format(CultureInfo.InvariantCulture, "{0}", document.PageCount), 8, page.Width.Point - Margin, page.Height.Point - Margin / 2, XBrushes.Gray);
    }

    private void Room(double height)
    {
        if (y + height > page.Height.Point - Margin)
        {
            NewPage();
        }
    }

    private static bool IsLatin(char c) => c < 0x2000;

    private static XFont Font(bool latin, double size, bool bold) =>
        new(latin ? PortalFonts.Latin : PortalFonts.Chinese, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private static IEnumerable<(string Text, bool Latin)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsLatin(text[i]) != IsLatin(text[start]))
            {
                yield return (text[start..i], IsLatin(text[start]));
                start = i;
            }
        }
    }

    private double Measure(string text, double size, bool bold = false) =>
        Runs(text).Sum(r => graphics.MeasureString(r.Text, Font(r.Latin, size, bold)).Width);

    /// <summary>One line of text at a point (its baseline), run by run.</summary>
    private void Draw(string text, double size, double x, double baseline, XBrush brush, bool bold = false)
    {
        foreach (var (run, latin) in Runs(text))
        {
            var font = Font(latin, size, bold);
            graphics.DrawString(run, font, brush, new XPoint(x, baseline));
            x += graphics.MeasureString(run, font).Width;
        }
    }

    /// <summary>The text broken into lines no wider than the width.</summary>
    private List<string> Wrap(string text, double size, double width, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var rest = paragraph;
            while (Measure(rest, size, bold) > width && rest.Length > 1)
            {
                var fit = 1;
                while (fit < rest.Length && Measure(rest[..(fit + 1)], size, bold) <= width)
                {
                    fit++;
                }
                var space = rest.LastIndexOf(' ', fit - 1);
                var cut = space > 0 && fit - space < 20 && IsLatin(rest[fit - 1]) ? space + 1 : fit;
                lines.Add(rest[..cut].TrimEnd());
                rest = rest[cut..];
            }
            lines.Add(rest);
        }
        return lines;
    }

    public void Heading(string text, double size = 16)
    {
        foreach (var line in Wrap(text, size, Width, bold: true))
        {
            Room(size * 1.5);
            y += size * 1.2;
            Draw(line, size, Margin, y, XBrushes.Black, bold: true);
        }
        y += size * 0.5;
    }

    public void Paragraph(string text, double size = 10, XBrush? brush = null)
    {
        foreach (var line in Wrap(text, size, Width))
        {
            Room(size * 1.5);
            y += size * 1.4;
            Draw(line, size, Margin, y, brush ?? XBrushes.Black);
        }
        y += size * 0.4;
    }

    /// <summary>A label and its value; the value wraps beside the label.</summary>
    public void Field(string label, string? value, double size = 10)
    {
        const double labelWidth = 120;
        var lines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, size, Width - labelWidth);
        Room(size * 1.5);
        var first = true;
        foreach (var line in lines)
        {
            Room(size * 1.5);
            y += size * 1.4;
            if (first)
            {
                Draw(label, size, Margin, y, XBrushes.DimGray);
                first = false;
            }
            Draw(line, size, Margin + labelWidth, y, XBrushes.Black);
        }
        y += size * 0.3;
    }

    /// <summary>A table with a header row; each column gets its share of the width, cells wrap.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> shares, IEnumerable<IReadOnlyList<string>> rows, double size = 9)
    {
        var total = shares.Sum();
        var widths = shares.Select(s => Width * s / total).ToList();
        void Row(IReadOnlyList<string> cells, bool bold)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, size, widths[i] - 6, bold)).ToList();
            var height = wrapped.Max(w => w.Count) * size * 1.4 + 6;
            Room(height);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                graphics.DrawRectangle(XPens.LightGray, x, y, widths[i], height);
                var line = y + 3;
                foreach (var text in wrapped[i])
                {
                    line += size * 1.4;
                    Draw(text, size, x + 3, line - size * 0.3, XBrushes.Black, bold);
                }
                x += widths[i];
            }
            y += height;
        }
        Row(headers, bold: true);
        foreach (var row in rows)
        {
            Row(row, bold: false);
        }
        y += size;
    }

    /// <summary>A QR code of the text with a caption beside it (a bitmap: PDFsharp imports BMP, not QRCoder's PNG).</summary>
    public void QrCode(string text, string caption, double side = 110)
    {
        Room(side + 10);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var bitmap = new MemoryStream(new BitmapByteQRCode(data).GetGraphic(4));
        using var image = XImage.FromStream(bitmap);
        graphics.DrawImage(image, Margin, y + 5, side, side);
        var lines = Wrap(caption, 9, Width - side - 15);
        var line = y + 5;
        foreach (var l in lines)
        {
            line += 9 * 1.4;
            Draw(l, 9, Margin + side + 15, line, XBrushes.Black);
        }
        y += side + 15;
    }

    public byte[] ToBytes()
    {
        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }
}
