using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages;

/// <summary>The language switch in the header: remembers the choice in a cookie for a year, then goes back.</summary>
[AllowAnonymous]
public class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (PortalLocalization.IsSupported(culture))
        {
            var chosen = PortalLocalization.Supported.First(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? WithoutCultureQuery(returnUrl) : "~/");
    }

    /// <summary>A <c>?culture=</c> in the page's address would override the choice just made: drop it.</summary>
    private static string WithoutCultureQuery(string returnUrl)
    {
        var queryStart = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return returnUrl;
        }
        var kept = QueryHelpers.ParseQuery(returnUrl[queryStart..])
            .Where(p => p.Key is not ("culture" or "ui-culture"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return returnUrl[..queryStart] + QueryString.Create(kept).ToUriComponent();
    }
}
