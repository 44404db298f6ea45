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
            StatusCodeSelector = exception => DatabaseUnavailable.IsCause(exception)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
    }

    /// <summary>Headers that keep every page on the portal's own host: no external script, style, font or frame.</summary>
    public static void UsePortalSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // style-src-attr: ECharts positions its canvas and tooltip with style attributes; <style> elements and every
            // script stay limited to the portal's own files.
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; " +
                "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            await next(context);
        });
}
