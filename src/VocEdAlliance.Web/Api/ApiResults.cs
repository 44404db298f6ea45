using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace VocEdAlliance.Web.Api;

/// <summary>Answers every endpoint shares: problems as <c>application/problem+json</c> in the caller's language,
/// versions as ETags, pages by cursor.</summary>
public static class ApiResults
{
    public static IResult Problem(IStringLocalizer t, int status, string detailKey, params object[] arguments) =>
        Results.Problem(statusCode: status, detail: t[detailKey, arguments]);

    /// <summary>404 for a record that does not exist or that the caller may not see: the answer is the same.</summary>
    public static IResult NotFound(IStringLocalizer t) => Problem(t, StatusCodes.Status404NotFound, "Api.Problem.NotFound");

    public static IResult Forbidden(IStringLocalizer t) => Problem(t, StatusCodes.Status403Forbidden, "Api.Problem.Forbidden");

    /// <summary>A record's version as an entity tag: <c>"42"</c>.</summary>
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The record, with its version as <c>ETag</c>; 304 when the caller's <c>If-None-Match</c> already has it.</summary>
    public static IResult Item<T>(HttpContext http, T item, uint version)
    {
        var tag = ETag(version);
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "private, no-cache";
        return http.Request.Headers.IfNoneMatch.Any(v => v == tag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(item);
    }

    /// <summary>A change must say which version it changes (<c>If-Match</c>, as the <c>ETag</c> of the GET): 428
    /// without one, 412 when the record has changed since (nothing is written).</summary>
    public static IResult? Precondition(HttpContext http, IStringLocalizer t, uint current)
    {
        var given = http.Request.Headers.IfMatch.ToString().Trim();
        if (given.Length == 0)
        {
            return Problem(t, StatusCodes.Status428PreconditionRequired, "Api.Problem.IfMatchRequired");
        }
        if (given == "*")
        {
            return null;
        }
        var tags = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!tags.Contains(ETag(current), StringComparer.Ordinal))
        {
            var parsed = tags.Select(tag => tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
                && uint.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (uint?)null).FirstOrDefault(v => v is not null);
            if (parsed is null)
            {
                return Problem(t, StatusCodes.Status400BadRequest, "Api.Problem.IfMatchMalformed");
            }
            return Problem(t, StatusCodes.Status412PreconditionFailed, "Api.Problem.Changed");
        }
        return null;
    }

    public static IResult Changed(IStringLocalizer t) => Problem(t, StatusCodes.Status412PreconditionFailed, "Api.Problem.Changed");
}

/// <summary>One page of a list, and the cursor of the next (null on the last page).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The paging of a list: <c>limit</c> (1–200, 50 if not given) records after <c>cursor</c> (the previous
/// page's <c>next</c>), in the order they were recorded. A cursor stays valid while records are added.</summary>
public sealed class ApiPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int? Limit { get; set; }
    public string? Cursor { get; set; }

    /// <summary>The paging asked for, or the 400 that says which parameter is wrong.</summary>
    public (int Limit, Guid? After, IResult? Refusal) Check(IStringLocalizer t)
    {
        var problems = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit)
        {
            problems["limit"] = [t["Api.Problem.Limit", MaxLimit]];
        }
        Guid? after = null;
        if (!string.IsNullOrEmpty(Cursor))
        {
            Span<byte> bytes = stackalloc byte[16];
            if (Cursor.Length == 22 && Base64Url.IsValid(Cursor) && Base64Url.TryDecodeFromChars(Cursor, bytes, out var written) && written == 16)
            {
                after = new Guid(bytes, bigEndian: true);
            }
            else
            {
                problems["cursor"] = [t["Api.Problem.Cursor"]];
            }
        }
        return problems.Count > 0
            ? (0, null, Results.Problem(new HttpValidationProblemDetails(problems) { Status = StatusCodes.Status400BadRequest, Title = t["Api.Problem.BadQuery"] }))
            : (Limit ?? DefaultLimit, after, null);
    }

    public static string Encode(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The page of <paramref name="query"/> after the cursor, by id (ids are time-ordered), projected.</summary>
    public async Task<(ApiPage<TItem>? Page, IResult? Refusal)> PageAsync<T, TItem>(IQueryable<T> query, Expression<Func<T, Guid>> id,
        Expression<Func<T, TItem>> item, Func<TItem, Guid> itemId, IStringLocalizer t, CancellationToken cancel)
    {
        var (limit, after, refusal) = Check(t);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        if (after is { } cursor)
        {
            var bound = new CursorValue(cursor);
            var compare = Expression.Call(id.Body, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!,
                Expression.Property(Expression.Constant(bound), nameof(CursorValue.After)));
            query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(compare, Expression.Constant(0)), id.Parameters));
        }
        var rows = await query.OrderBy(id).Take(limit + 1).Select(item).ToListAsync(cancel);
        var next = rows.Count > limit ? Encode(itemId(rows[limit - 1])) : null;
        return (new ApiPage<TItem>(rows.Count > limit ? rows[..limit] : rows, next), null);
    }

    /// <summary>Holds the cursor so that EF sends it as a parameter.</summary>
    private sealed record CursorValue(Guid After);
}

/// <summary>What each kind of endpoint answers, for the OpenAPI document (every endpoint also answers 401 and 429,
/// said once by the group).</summary>
public static class ApiMetadata
{
    public static RouteHandlerBuilder Lists<TItem>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<ApiPage<TItem>>().ProducesProblem(StatusCodes.Status400BadRequest);

    public static RouteHandlerBuilder Reads<TItem>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<TItem>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder Creates<TInput, TItem>(this RouteHandlerBuilder endpoint) where TInput : notnull =>
        endpoint.Accepts<TInput>("application/json").Produces<TItem>(StatusCodes.Status201Created).Produces(StatusCodes.Status303SeeOther)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    public static RouteHandlerBuilder Changes<TInput, TItem>(this RouteHandlerBuilder endpoint) where TInput : notnull =>
        endpoint.Accepts<TInput>("application/json").Produces<TItem>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
