using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages;

/// <summary>Shown by the exception handler. Touches no database, so it renders while PostgreSQL is down.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public bool DatabaseUnavailable { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        DatabaseUnavailable = Platform.DatabaseUnavailable.IsCause(exception);
        if (DatabaseUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }
    }
}
