
namespace VocEdAlliance.IntegrationTests.Account;

public class ChangePasswordTests(PortalFixture portal)
{
    private static Dictionary<string, string> Passwords(string current, string next, string? repeat = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = repeat ?? next,
    };

    [Fact]
    public async Task A_user_changes_their_password_and_only_the_new_one_works_afterwards()
    {
        var (user, session) = await portal.SignedInNewUserAsync(Roles.SchoolPrincipal);
        using var _ = session;

        var form = await session.GetAsync("/Account/ChangePassword");
        var done = await session.SubmitAsync(form, PortalSession.MainForm, Passwords(PortalFixture.TestPassword, "Brand-New-Pass-7"));

        Assert.Equal("/", done.Url.AbsolutePath);
        Assert.Contains("密码已修改", done.Text, StringComparison.Ordinal);
        using var again = portal.NewSession();
        Assert.Contains("电子邮箱或密码不正确", (await again.SignInAsync(user.Email!, PortalFixture.TestPassword)).Summary, StringComparison.Ordinal);
        using var third = portal.NewSession();
        Assert.Equal("/", (await third.SignInAsync(user.Email!, "Brand-New-Pass-7")).Url.AbsolutePath);
    }

    [Fact]
    public async Task A_weak_or_mismatched_new_password_is_explained_next_to_its_field_and_changes_nothing()
    {
        var (user, session) = await portal.SignedInNewUserAsync(Roles.BureauStaff);
        using var _ = session;
        var form = await session.GetAsync("/Account/ChangePassword");

        var tooShort = await session.SubmitAsync(form, PortalSession.MainForm, Passwords(PortalFixture.TestPassword, "short1A"));
        var differ = await session.SubmitAsync(form, PortalSession.MainForm, Passwords(PortalFixture.TestPassword, "Brand-New-Pass-7", "Brand-New-Pass-8"));
        var wrongCurrent = await session.SubmitAsync(form, PortalSession.MainForm, Passwords("Not-My-Passw0rd", "Brand-New-Pass-7"));

        Assert.Contains("密码至少需要 10 个字符", tooShort.FieldError("Input.NewPassword"), StringComparison.Ordinal);
        Assert.Equal("两次输入的新密码不一致。", differ.FieldError("Input.ConfirmPassword"));
        Assert.Equal("当前密码不正确。", wrongCurrent.FieldError("Input.CurrentPassword"));
        using var check = portal.NewSession();
        Assert.Equal("/", (await check.SignInAsync(user.Email!, PortalFixture.TestPassword)).Url.AbsolutePath);
    }
}
