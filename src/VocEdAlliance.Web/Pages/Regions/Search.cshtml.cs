using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Regions;

/// <summary>Suggestions for the region pickers, as the user types: at most 20, within a bureau user's jurisdiction.
/// Divisions are public reference data; the suggestion text starts with the code the server resolves.</summary>
public class SearchModel(RegionDirectory regions) : PageModel
{
    public sealed record Suggestion(string Code, string Label);

    /// <param name="anywhere">Every region in the country (a partner's, for a registration request), not only the
    /// user's jurisdiction.</param>
    public async Task<IActionResult> OnGetAsync(string? q, bool locations = false, bool anywhere = false)
    {
        var key = User.FindFirst(PortalClaims.AccessKey)?.Value;
        var within = !anywhere && key is not null && key.StartsWith("r:", StringComparison.Ordinal) ? key[2..] : null;
        var found = await regions.SearchAsync(q ?? string.Empty, within, locations, limit: 20);
        var suggestions = new List<Suggestion>(found.Count);
        foreach (var region in found)
        {
            suggestions.Add(new Suggestion(region.Code, $"{region.Code} {await regions.PathAsync(region.Code, CultureInfo.CurrentUICulture)}"));
        }
        return new JsonResult(suggestions);
    }
}
