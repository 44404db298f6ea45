using Microsoft.AspNetCore.Diagnostics;

namespace VocEdAlliance.Web.Platform;

/// <summary>Failures become friendly pages: 503 with a clear message while the database is unreachable (the portal
/// recovers by itself when it is back), 500 for anything else, and localized pages for 404/403 and other codes.</summary>
public static class PortalErrors
{
    public static void UsePortalErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = StatusOf,
            // The error page runs with services of its own: the failed request's sign-in check (a faulted result
            // its authentication handler keeps) and database context are not reused (SessionRevocation skips the
            // database for the page of an outage).
            CreateScopeForErrors = true,
        });
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
    }

    /// <summary>The status a failure is answered with: 503 while the database is unreachable, 413 for a body over
    /// the limit, else 500.</summary>
    public static int StatusOf(Exception exception) => DatabaseUnavailable.IsCause(exception) ? StatusCodes.Status503ServiceUnavailable
        : exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge
        : StatusCodes.Status500InternalServerError;

    /// <summary>An upload larger than a document may be still reaches the page (which says the 20 MB limit next to
    /// the field) instead of being cut off mid-request: the server takes request bodies up to this size.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>Request limits aligned with the documents' limit, no <c>Server</c> header, and the scheme and client
    /// address taken from a reverse proxy on this machine (X-Forwarded-Proto/-For from loopback only), so cookies are
    /// marked secure and HSTS sent when users reach the portal over https through it.</summary>
    public static void ConfigurePortalServer(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = MaxRequestBytes);
        // A load balancer on another machine is trusted when its address or network is configured
        // (Proxy__KnownProxies__0=10.0.8.5, Proxy__KnownNetworks__0=10.0.8.0/24); loopback always is.
        // Parsed now: a mistyped address stops the start with its value, rather than the first request.
        var knownProxies = (builder.Configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            .Select(p => System.Net.IPAddress.Parse(p.Trim())).ToList();
        var knownNetworks = (builder.Configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            .Select(n => System.Net.IPNetwork.Parse(n.Trim())).ToList();
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                                         | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in knownProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }
            foreach (var network in knownNetworks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>Headers that keep every page on the portal's own host: no external script, style, font or frame.</summary>
    public static void UsePortalSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            if (context.Request.IsHttps)
            {
                // Served over https (directly, or by a TLS-terminating proxy whose X-Forwarded-Proto is trusted).
                headers.StrictTransportSecurity = "max-age=31536000";
            }
            // style-src-attr: ECharts positions its canvas and tooltip with style attributes; <style> elements and every
            // script stay limited to the portal's own files.
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; " +
                "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            await next(context);
        });
}
