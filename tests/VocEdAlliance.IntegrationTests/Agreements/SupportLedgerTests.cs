namespace VocEdAlliance.IntegrationTests.Agreements;

public class SupportLedgerTests(PortalFixture portal)
{
    [Fact]
    public async Task Financial_support_is_recorded_with_giver_receiver_and_source_and_an_incomplete_entry_is_explained()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("310116", "520302");
        var parties = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Id == agreement.Id)
            .SelectMany(a => a.Parties).OrderBy(p => p.RegionCode).Select(p => p.OrganisationId).ToListAsync());
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await zunyi.GetAsync($"/Activities/Create?agreementId={agreement.Id}");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "FinancialSupport", ["Input.Title"] = "上海支援遵义设备经费", ["Input.StartsOn"] = "2024-05-01",
            ["Input.AmountCny"] = "200000", ["Input.ReceiverOrganisationId"] = parties[1].ToString(), ["Input.SourceOfFunds"] = "东西部协作资金",
        };

        var incomplete = await zunyi.SubmitAsync(form, PortalSession.MainForm, fields);
        fields["Input.GiverOrganisationId"] = parties[0].ToString();
        var recorded = await zunyi.SubmitAsync(form, PortalSession.MainForm, fields);

        Assert.Equal("资金支持和设备捐赠须填写给予方和接受方。", incomplete.FieldError("Input.GiverOrganisationId"));
        Assert.StartsWith("/Activities/", recorded.Url.AbsolutePath, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Activities.SingleAsync(a => a.AgreementId == agreement.Id && a.Title == "上海支援遵义设备经费"));
        Assert.Equal((parties[0], parties[1], 200_000m, "东西部协作资金"),
            (stored.GiverOrganisationId!.Value, stored.ReceiverOrganisationId!.Value, stored.AmountCny!.Value, stored.SourceOfFunds));
    }
}
