using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Api;

/// <summary>The steps every read and write of the API takes, in one place: a list page or one record (with its ETag);
/// a create (its Idempotency-Key, its body bound as the form's, the form's method, 201); a change (If-Match, the body,
/// the form's method, a save that detects a concurrent one).</summary>
public static class ApiWrites
{
    public static async Task<IResult> ListAsync<T, TItem>(this ApiPaging paging, IQueryable<T> query, Expression<Func<T, Guid>> id,
        Expression<Func<T, TItem>> item, Func<TItem, Guid> itemId, IStringLocalizer t, HttpContext http)
    {
        var (page, refusal) = await paging.PageAsync(query, id, item, itemId, t, http.RequestAborted);
        return page is null ? refusal! : Results.Ok(page);
    }

    public static async Task<IResult> OneAsync<TItem>(HttpContext http, IStringLocalizer t, Task<TItem?> read, Func<TItem, uint> version) =>
        await read is { } item ? ApiResults.Item(http, item, version(item)) : ApiResults.NotFound(t);

    /// <summary>What a create made: where it lives, and how to show it once saved.</summary>
    public sealed record Made(string Location, Func<object> Item, Func<uint> Version);

    public static async Task<IResult> CreateAsync<TInput>(HttpContext http, AppDbContext db, TimeProvider clock, IStringLocalizer t,
        IReadOnlySet<string> readOnlyMembers, Func<TInput, ModelStateDictionary, Task<Made?>> make)
        where TInput : class, new()
    {
        var (key, keyRefusal) = ApiSubmission.KeyOf(http, t);
        if (keyRefusal is not null)
        {
            return keyRefusal;
        }
        if (await ApiSubmission.RepeatAsync(http, db, key) is { } repeat)
        {
            return repeat;
        }
        var (bound, refusal) = await ApiInput.ReadAsync<TInput>(http, t, readOnlyMembers);
        if (bound is null)
        {
            return refusal!;
        }
        if (await make(bound.Input, bound.Errors) is not { } made)
        {
            return ApiInput.Refused<TInput>(bound.Errors, t);
        }
        return await ApiSubmission.CreatedAsync(http, db, key, made.Location, made.Item, made.Version, clock);
    }

    public static async Task<IResult> ChangeAsync<TInput>(HttpContext http, AppDbContext db, IStringLocalizer t, uint version,
        IReadOnlySet<string> readOnlyMembers, Func<TInput, ModelStateDictionary, Task<bool>> apply, Func<(object Item, uint Version)> changed)
        where TInput : class, new()
    {
        if (ApiResults.Precondition(http, t, version) is { } precondition)
        {
            return precondition;
        }
        var (bound, refusal) = await ApiInput.ReadAsync<TInput>(http, t, readOnlyMembers);
        if (bound is null)
        {
            return refusal!;
        }
        if (!await apply(bound.Input, bound.Errors))
        {
            return ApiInput.Refused<TInput>(bound.Errors, t);
        }
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.Changed(t);
        }
        var (item, now) = changed();
        return ApiResults.Item(http, item, now);
    }
}
