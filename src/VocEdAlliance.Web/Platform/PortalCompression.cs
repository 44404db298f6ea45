using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace VocEdAlliance.Web.Platform;

/// <summary>Responses go compressed (Brotli, else gzip) to browsers that accept it: pages, JSON and exports, over
/// HTTP and HTTPS. Static assets are compressed once at build and publish and served with a year's cache under their
/// fingerprinted names (<c>MapStaticAssets</c>), so this compresses only what the portal renders.
/// <para>Compressing HTTPS pages that carry a secret (BREACH) is safe here: the only secrets in pages are the
/// antiforgery tokens, which are encrypted afresh for every response, and nothing a request reflects sits beside them
/// in a way an attacker could probe byte by byte.</para></summary>
public static class PortalCompression
{
    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "image/svg+xml"]);
        });
        // The fastest levels: on two cores, the time a page waits for its compression matters more than the last bytes.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
