using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class AgreementEditingTests(PortalFixture portal)
{
    [Fact]
    public async Task Bureau_staff_change_the_terms_and_a_concurrent_change_is_shown_instead_of_overwritten()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var first = await portal.SignedInAsync("zunyi.staff@demo.local");
        using var second = await portal.SignedInAsync("zunyi.admin@demo.local");
        var firstForm = await first.GetAsync($"/Agreements/Edit/{agreement.Id}");
        var secondForm = await second.GetAsync($"/Agreements/Edit/{agreement.Id}");

        var saved = await first.SubmitAsync(firstForm, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Modes"] = nameof(CooperationMode.StudentExchange),
            ["Input.Specialties"] = "机电一体化",
        });
        var conflict = await second.SubmitAsync(secondForm, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Notes"] = "第二人的备注" });

        Assert.Equal($"/Agreements/{agreement.Id}", saved.Url.AbsolutePath);
        Assert.Contains("机电一体化", saved.Text, StringComparison.Ordinal);
        Assert.NotNull(conflict.Document.QuerySelector("[data-testid=concurrency-conflict]"));
        Assert.Equal("第二人的备注", conflict.Document.QuerySelector("#Input_Notes")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id));
        Assert.Equal([CooperationMode.StudentExchange], stored.Modes);
        Assert.Null(stored.Notes);
    }

    [Fact]
    public async Task Archiving_asks_first_then_hides_the_agreement_and_stops_new_activities()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        var confirm = await zunyi.GetAsync($"/Agreements/Archive/{agreement.Id}");
        Assert.Contains(agreement.Title, confirm.Text, StringComparison.Ordinal);
        Assert.False((await portal.WithDatabaseAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id))).IsArchived);
        var archived = await zunyi.SubmitAsync(confirm, PortalSession.MainForm);

        Assert.NotNull(archived.Document.QuerySelector("[data-testid=archived]"));
        Assert.Null(archived.Document.QuerySelector($"a[href='/Activities/Create?agreementId={agreement.Id}']"));
        // Searched by its title: the shared test database holds more Zunyi agreements than a page shows.
        var search = Uri.EscapeDataString(agreement.Title);
        Assert.DoesNotContain(agreement.Title, (await zunyi.GetAsync($"/Agreements?q={search}")).Text, StringComparison.Ordinal);
        Assert.Contains(agreement.Title, (await zunyi.GetAsync($"/Agreements?archived=true&q={search}")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await zunyi.GetAsync($"/Activities/Create?agreementId={agreement.Id}")).Status);
    }

    [Fact]
    public async Task Principals_and_the_ministry_may_read_an_agreement_but_not_change_it()
    {
        var agreementId = await portal.WithDatabaseAsync(db => db.Agreements
            .Where(a => a.Parties.Any(p => p.OrganisationName == DemoOrganisations.Honghuagang)).Select(a => a.Id).FirstOrDefaultAsync());
        if (agreementId == Guid.Empty)
        {
            var (pairing, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
            agreementId = pairing.Id;
        }
        using var ministry = await portal.SignedInAsync("ministry@demo.local");

        Assert.Equal(HttpStatusCode.OK, (await ministry.GetAsync($"/Agreements/{agreementId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.GetAsync($"/Agreements/Edit/{agreementId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.GetAsync("/Agreements/Create")).Status);
    }
}
