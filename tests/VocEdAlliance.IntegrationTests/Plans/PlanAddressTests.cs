namespace VocEdAlliance.IntegrationTests.Plans;

/// <summary>Addresses that name nothing find nothing: a plans queue that does not exist and an id that is not one are
/// 404, not every plan or a form for a new one.</summary>
public class PlanAddressTests(PortalFixture portal)
{
    [Fact]
    public async Task A_queue_that_does_not_exist_and_a_plan_id_that_is_not_one_are_not_found()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("510104", "510105");
        using var staff = await portal.SignedInBureauStaffAsync("510100");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Plans?view=xyz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Plans?view=SubmittedByUs")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Plans/Edit?agreementId={agreement.Id}&id=not-a-guid")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Plans/Edit?agreementId=not-a-guid")).Status);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/Plans/Edit?agreementId={agreement.Id}")).Status);
    }
}
