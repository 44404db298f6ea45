using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Api;

namespace VocEdAlliance.Web.Pages.Api;

/// <summary>The API's reference (its OpenAPI document, shown by Scalar), for anyone signed in. Scalar writes its
/// styles into the page, so this page alone allows inline styles; scripts, fonts and connections stay the portal's.</summary>
public class ReferenceModel : PageModel
{
    public string ScalarScript => ScalarBundle.Path;

    public string Document => ApiEndpoints.DocumentPath;

    public void OnGet() =>
        Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; " +
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
}
