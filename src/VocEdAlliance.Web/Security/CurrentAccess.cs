namespace VocEdAlliance.Web.Security;

/// <summary>The access scope of the current unit of work: the signed-in user's (computed on first use from the
/// request), or <see cref="AccessScope.System"/> for start-up work that says so explicitly.</summary>
public sealed class CurrentAccess(IHttpContextAccessor http)
{
    private AccessScope? scope;

    public AccessScope Scope => scope ??= AccessScope.For(http.HttpContext?.User);

    /// <summary>Who is acting, for the history: the signed-in user, or nobody (the system).</summary>
    public (Guid? Id, string Name) Actor => http.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? (user.GetUserId(), user.GetDisplayName() ?? string.Empty)
        : (null, string.Empty);

    /// <summary>For migrations and seeding only: this unit of work sees and may change everything.</summary>
    public void UseSystemScope() => scope = AccessScope.System;

    /// <summary>For tests of the guard: act as a given scope.</summary>
    internal void Use(AccessScope given) => scope = given;
}
