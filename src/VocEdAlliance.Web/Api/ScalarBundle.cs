using System.IO.Compression;
using System.Reflection;

namespace VocEdAlliance.Web.Api;

/// <summary>The API reference's viewer, Scalar's standalone bundle (MIT), served by the portal itself from the
/// Scalar.AspNetCore package it ships in (already gzip-compressed there): under a versioned address, cached for a
/// year, gzip to browsers that take it. Nothing is fetched from Scalar's CDN, and the page's Content-Security-Policy
/// lets it reach nothing but the portal.</summary>
public static class ScalarBundle
{
    private const string Resource = "ScalarStaticAssets.scalar.js";

    private static readonly Assembly Package = typeof(Scalar.AspNetCore.ScalarOptions).Assembly;

    /// <summary>The package's version: a new one is a new address, so a browser never keeps a stale copy.</summary>
    public static string Version { get; } = Package.GetName().Version?.ToString(3) ?? "0";

    public static string Path => $"/lib/scalar/{Version}/scalar.js";

    private static readonly Lazy<byte[]> Gzipped = new(() =>
    {
        using var stream = Package.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from Scalar.AspNetCore {Version}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapScalarBundle(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http) =>
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers.Vary = "Accept-Encoding";
            http.Response.ContentType = "text/javascript; charset=utf-8";
            if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentEncoding = "gzip";
                await http.Response.Body.WriteAsync(Gzipped.Value, http.RequestAborted);
                return;
            }
            await using var plain = new GZipStream(new MemoryStream(Gzipped.Value), CompressionMode.Decompress);
            await plain.CopyToAsync(http.Response.Body, http.RequestAborted);
        }).AllowAnonymous().ExcludeFromDescription();
}
