using System.Security.Claims;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.UnitTests.Security;

public class AccessScopeTests
{
    private static ClaimsPrincipal User(string role, string? accessKey = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone"), new(ClaimTypes.Role, role) };
        if (accessKey is not null)
        {
            claims.Add(new Claim(PortalClaims.AccessKey, accessKey));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Read-only everywhere, except the national evaluation rounds the ministry publishes (IsMinistry).</summary>
    [Fact]
    public void Ministry_officials_see_everything_and_change_nothing_but_their_evaluations() =>
        Assert.Equal(new AccessScope(true, false, "") { IsMinistry = true }, AccessScope.For(User(Roles.MinistryOfficial)));

    [Fact]
    public void A_ministry_officials_read_only_token_publishes_no_evaluation()
    {
        var user = User(Roles.MinistryOfficial);
        ((ClaimsIdentity)user.Identity!).AddClaim(new Claim(PortalClaims.ReadOnlyToken, "true"));
        Assert.Equal(new AccessScope(true, false, ""), AccessScope.For(user));
    }

    [Fact]
    public void Bureau_staff_see_their_jurisdiction() =>
        Assert.Equal(new AccessScope(false, true, "r:5203"), AccessScope.For(User(Roles.BureauStaff, "r:5203")));

    [Fact]
    public void A_scoped_role_without_an_organisation_sees_nothing() =>
        Assert.Same(AccessScope.Nothing, AccessScope.For(User(Roles.SchoolPrincipal)));

    [Fact]
    public void Nobody_signed_in_sees_nothing() =>
        Assert.Same(AccessScope.Nothing, AccessScope.For(new ClaimsPrincipal(new ClaimsIdentity())));
}
