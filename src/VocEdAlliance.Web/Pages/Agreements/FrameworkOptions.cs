using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>A framework agreement a pairing may implement, offered in a dropdown.</summary>
public sealed record FrameworkOption(Guid Id, string Title, DateOnly EffectiveFrom, Domain.DatePrecision EffectiveFromPrecision = Domain.DatePrecision.Day)
{
    public Domain.PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
}

/// <summary>The framework agreements an agreement may name as the one it implements: those the user may see (the access
/// filter applies); an archived one only where it is named already.</summary>
public static class FrameworkOptions
{
    public static async Task<IReadOnlyList<FrameworkOption>> ForAsync(AppDbContext db, Guid? except = null, Guid? named = null) =>
        await db.Agreements.AsNoTracking()
            .Where(a => a.Kind == AgreementKind.Framework && (!a.IsArchived || a.Id == named) && a.Id != except)
            .OrderBy(a => a.Title).ThenBy(a => a.EffectiveFrom)
            .Select(a => new FrameworkOption(a.Id, a.Title, a.EffectiveFrom, a.EffectiveFromPrecision)).ToListAsync();

    /// <summary>Checks a framework a form or an import names: the one the agreement names already (<paramref name="current"/>,
    /// kept as it is even where the user may not see it), or a current framework agreement the user may see — else
    /// "not found" next to the field, as for an id that exists nowhere.</summary>
    public static async Task<bool> CheckAsync(AppDbContext db, Guid? id, Guid? current, string field, ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (id is not { } given || given == current
            || await db.Agreements.AnyAsync(a => a.Id == given && a.Kind == AgreementKind.Framework && !a.IsArchived))
        {
            return true;
        }
        modelState.AddModelError(field, t["Agreement.FrameworkNotFound"]);
        return false;
    }

    /// <summary>Whether the framework an agreement names is one the user may not see (the form cannot offer it, and
    /// leaving the field empty keeps it).</summary>
    public static async Task<bool> IsHiddenAsync(AppDbContext db, Guid? framework) =>
        framework is { } id && !await db.Agreements.AnyAsync(a => a.Id == id);
}
