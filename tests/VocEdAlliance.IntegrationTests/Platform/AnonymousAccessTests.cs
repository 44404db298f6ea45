using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VocEdAlliance.IntegrationTests.Platform;

public class AnonymousAccessTests(PortalFixture portal)
{
    /// <summary>The pages a person may open before signing in. Adding one to this list is a security decision.
    /// SignInTwoFactor is the sign-in's second step: it answers only with the password step's cookie (Identity's
    /// two-factor user cookie), and otherwise sends the browser back to the sign-in page.</summary>
    private static readonly string[] AnonymousPages =
        ["/Account/ForgotPassword", "/Account/SignIn", "/Account/SignInTwoFactor", "/Account/SignOut", "/Error", "/Language", "/Status"];

    private IEnumerable<(string Page, string Route, bool Anonymous)> RazorPages() =>
        portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .Select(e => (e.Page!.ViewEnginePath, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'),
                e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null));

    [Fact]
    public void Only_sign_in_and_error_pages_are_open_without_signing_in()
    {
        var anonymous = RazorPages().Where(p => p.Anonymous).Select(p => p.Page).Distinct().Order();

        Assert.Equal(AnonymousPages, anonymous);
    }

    [Fact]
    public async Task Every_other_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var protectedRoutes = RazorPages().Where(p => !p.Anonymous).Select(p => p.Route).Distinct().ToList();
        Assert.NotEmpty(protectedRoutes);
        using var session = portal.NewSession();

        foreach (var route in protectedRoutes)
        {
            var url = route.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var response = await session.Http.GetAsync(url, TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {response.StatusCode}");
            Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Static_assets_are_served_without_signing_in()
    {
        using var session = portal.NewSession();

        var css = await session.Http.GetAsync("/lib/bootstrap/dist/css/bootstrap.min.css", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }
}
