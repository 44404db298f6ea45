using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Api;

/// <summary>A create sent twice creates one record, as a form posted twice does (<see cref="FormSubmission"/>): a
/// request may carry an <c>Idempotency-Key</c> (a UUID of the caller's choosing); a second request with the same key
/// by the same user records nothing and is answered 303 See Other, to the record the first one made.</summary>
public static class ApiSubmission
{
    public const string Header = "Idempotency-Key";

    /// <summary>The request's key (<see cref="Guid.Empty"/> without one), or the 400 for a key that is not a UUID.</summary>
    public static (Guid Key, IResult? Refusal) KeyOf(HttpContext http, IStringLocalizer t)
    {
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            return (Guid.Empty, null);
        }
        return Guid.TryParseExact(given, "D", out var key) && key != Guid.Empty
            ? (key, null)
            : (Guid.Empty, ApiResults.Problem(t, StatusCodes.Status400BadRequest, "Api.Problem.IdempotencyKey"));
    }

    /// <summary>303 to the record an earlier request with this key made, or null.</summary>
    public static async Task<IResult?> RepeatAsync(HttpContext http, AppDbContext db, Guid key) =>
        await FormSubmission.HandledAsync(db, key, http.User.GetUserId()) is { } url ? new SeeOtherResult(url) : null;

    /// <summary>Saves the new record with the request's key: 201 Created, or (when a simultaneous request with the same
    /// key won) 303 to the record that one made, this one's changes discarded.</summary>
    public static async Task<IResult> CreatedAsync<T>(HttpContext http, AppDbContext db, Guid key, string location, Func<T> item,
        Func<uint> version, TimeProvider clock)
    {
        if (key != Guid.Empty && http.User.GetUserId() is { } userId)
        {
            db.FormSubmissions.Add(new FormSubmission(key, userId, location, clock.GetUtcNow()));
        }
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException failure) when (FormSubmission.IsRepeat(failure))
        {
            db.ChangeTracker.Clear();
            return await RepeatAsync(http, db, key) ?? new SeeOtherResult(location);
        }
        http.Response.Headers.ETag = ApiResults.ETag(version());
        return Results.Created(location, item());
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
