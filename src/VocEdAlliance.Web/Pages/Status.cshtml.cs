using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VocEdAlliance.Web.Pages;

/// <summary>The friendly page for an error status (404, 403, 400…); the status code itself is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string TitleKey { get; private set; } = "Status.Other.Title";
    public string BodyKey { get; private set; } = "Status.Other.Body";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var known = code is 400 or 403 or 404 or 405;
        TitleKey = known ? $"Status.{code}.Title" : "Status.Other.Title";
        BodyKey = known ? $"Status.{code}.Body" : "Status.Other.Body";
        // Reached directly (not re-executed), the page answers with the status it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
    }
}
