using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>An alliance offered in a dropdown (only those the user can see: the access filter applies).</summary>
public sealed record AllianceOption(Guid Id, string Name);

public static class AllianceOptions
{
    public static async Task<IReadOnlyList<AllianceOption>> ForAsync(AppDbContext db, Guid? except = null) =>
        await db.Alliances.AsNoTracking().Where(a => a.Id != except).OrderBy(a => a.Name)
            .Select(a => new AllianceOption(a.Id, a.Name)).ToListAsync();

    /// <summary>Checks an alliance id a form posted (an agreement's alliance, an alliance's parent): it must be one the
    /// user may see — else "not found" next to the field and nothing is stored, exactly as for an id that exists nowhere.</summary>
    public static async Task<bool> CheckVisibleAsync(AppDbContext db, Guid? id, string field, ModelStateDictionary modelState,
        IStringLocalizer t)
    {
        if (id is not { } given || await db.Alliances.AnyAsync(a => a.Id == given))
        {
            return true;
        }
        modelState.AddModelError(field, t["Reference.AllianceNotFound"]);
        return false;
    }
}
