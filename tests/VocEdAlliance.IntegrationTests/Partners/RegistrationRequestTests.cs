using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Partners;

/// <summary>A partner not registered yet: Zunyi's bureau asks for its registration; the request reaches the bureaus of
/// the partner's region and no one else; declined with a reason it creates nothing; registered, it names the new
/// institution, which the agreement form can then take.</summary>
public class RegistrationRequestTests(PortalFixture portal)
{
    private const string Form = "[data-testid=request-form]";

    private static async Task<PortalPage> RequestAsync(PortalSession session, string name, string region, string? code = null) =>
        await session.SubmitAsync(await session.GetAsync("/Partners/Request?name=" + Uri.EscapeDataString(name)), Form, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(InstitutionKind.SecondaryVocationalSchool),
            ["Input.Region"] = region,
            ["Input.CreditCode"] = code ?? string.Empty,
            ["Input.Contact"] = "王老师 021-12345678",
        });

    private Task<RegistrationRequest?> StoredAsync(string name) =>
        portal.WithDatabaseAsync(db => db.RegistrationRequests.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Name == name));

    private static async Task<int> WaitingCountAsync(PortalSession session) =>
        int.Parse((await session.GetAsync("/Notifications")).Document.QuerySelector("[data-testid=registration-requests-count]")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture);

    private static string? FieldError(PortalPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();

    [Fact]
    public async Task A_request_reaches_the_partner_s_bureaus_only_and_a_declined_one_creates_nothing()
    {
        var name = $"金山新登记学校{Guid.NewGuid():N}"[..15];
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var before = await WaitingCountAsync(shanghai);
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var search = await zunyi.GetAsync("/Partners?q=" + Uri.EscapeDataString(name));
        Assert.Equal($"/Partners/Request?name={Uri.EscapeDataString(name)}", search.Document.QuerySelector("[data-testid=request-registration]")!.GetAttribute("href"));
        var sent = await RequestAsync(zunyi, name, "310116");
        Assert.Equal("/Partners/Requests", sent.Url.AbsolutePath);
        Assert.Contains(name, sent.Document.QuerySelector("[data-testid=from-us]")!.TextContent, StringComparison.Ordinal);
        var request = (await StoredAsync(name))!;
        Assert.Equal(RegistrationRequestStatus.Pending, request.Status);

        // Shanghai's bureau has it waiting, and its notifications say so; Liuyang's neither sees it nor may register it.
        Assert.Equal(before + 1, await WaitingCountAsync(shanghai));
        var waiting = await shanghai.GetAsync("/Partners/Requests");
        Assert.NotNull(waiting.Document.QuerySelector($"[data-testid=to-us] tr[data-request='{request.Id}']"));
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");
        Assert.DoesNotContain(name, (await liuyang.GetAsync("/Partners/Requests")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liuyang.GetAsync($"/Institutions/Create?request={request.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await liuyang.GetAsync($"/History/request/{request.Id}")).Status);

        // A decline needs its reason; with one, nothing is registered and Zunyi reads why.
        var noReason = await shanghai.SubmitAsync(waiting, $"[data-testid=to-us] tr[data-request='{request.Id}'] [data-testid=decline-form]");
        Assert.False(string.IsNullOrEmpty(noReason.Document.QuerySelector("[data-testid=decline-error]")?.TextContent.Trim()));
        Assert.Equal(RegistrationRequestStatus.Pending, (await StoredAsync(name))!.Status);
        await shanghai.SubmitAsync(waiting, $"[data-testid=to-us] tr[data-request='{request.Id}'] [data-testid=decline-form]",
            new Dictionary<string, string> { ["Decline.Reason"] = "该校已于2025年撤并" });
        var declined = (await StoredAsync(name))!;
        Assert.Equal((RegistrationRequestStatus.Declined, "该校已于2025年撤并", (Guid?)null), (declined.Status, declined.DeclineReason, declined.InstitutionId));
        Assert.False(await portal.WithDatabaseAsync(db => db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Name == name)));
        Assert.Contains("该校已于2025年撤并", (await zunyi.GetAsync("/Partners/Requests")).Text, StringComparison.Ordinal);
        Assert.Equal(before, await WaitingCountAsync(shanghai));
        var history = await shanghai.GetAsync($"/History/request/{request.Id}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("该校已于2025年撤并", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_request_names_the_new_institution_with_the_contact_it_gave_and_the_agreement_form_takes_it()
    {
        var name = $"金山登记学校{Guid.NewGuid():N}"[..14];
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        await RequestAsync(zunyi, name, "310116");
        var request = (await StoredAsync(name))!;
        using var shanghai = await portal.SignedInAsync("shanghai.staff@demo.local");
        var form = await shanghai.GetAsync($"/Institutions/Create?request={request.Id}");
        Assert.Equal(name, form.Document.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("310116", form.Document.QuerySelector("#Input_Region")!.GetAttribute("value"));
        Assert.Equal("021-12345678", form.Document.QuerySelector("#Input_ContactPhone")!.GetAttribute("value"));
        Assert.Contains("王老师 021-12345678", form.Document.QuerySelector("[data-testid=request-contact]")?.TextContent, StringComparison.Ordinal);
        var created = await shanghai.SubmitAsync(form, "main form[method=post]", new Dictionary<string, string> { ["Input.Ownership"] = nameof(Ownership.Public) });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var answered = (await StoredAsync(name))!;
        Assert.Equal(RegistrationRequestStatus.Accepted, answered.Status);
        var institution = await portal.WithDatabaseAsync(db => db.Institutions.IgnoreQueryFilters().SingleAsync(i => i.Name == name));
        Assert.Equal((answered.InstitutionId, "310116", "021-12345678"), ((Guid?)institution.Id, institution.RegionCode, institution.ContactPhone));
        // Answered once: the same form again is 404, and Zunyi finds the school in the directory.
        Assert.Equal(HttpStatusCode.NotFound, (await shanghai.GetAsync($"/Institutions/Create?request={request.Id}")).Status);
        var found = await zunyi.Http.GetStringAsync($"/Partners?handler=Suggest&q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken);
        Assert.Contains(name, found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_in_the_own_jurisdiction_or_already_registered_is_not_requested()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var own = await RequestAsync(zunyi, $"遵义自辖学校{Guid.NewGuid():N}"[..14], "520302");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("管辖范围内", FieldError(own, "Input.Region"), StringComparison.Ordinal);
        var registered = await RequestAsync(zunyi, DemoOrganisations.Spa, "310116");
        Assert.Contains("合作单位查询", FieldError(registered, "Input.Name"), StringComparison.Ordinal);
        var badRegion = await RequestAsync(zunyi, $"无地区学校{Guid.NewGuid():N}"[..13], "999999");
        Assert.False(string.IsNullOrEmpty(FieldError(badRegion, "Input.Region")));
        var badCode = await RequestAsync(zunyi, $"坏码学校{Guid.NewGuid():N}"[..12], "310116", "91310116MA1J8XXXX1");
        Assert.Contains("校验码", FieldError(badCode, "Input.CreditCode"), StringComparison.Ordinal);
        Assert.Null(await StoredAsync(DemoOrganisations.Spa));
        // The partner's region is picked from every region in the country, not only the bureau's own.
        Assert.Contains("310116", await zunyi.Http.GetStringAsync("/Regions/Search?locations=true&anywhere=true&q=" + Uri.EscapeDataString("金山"),
            TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
