namespace VocEdAlliance.IntegrationTests.Platform;

/// <summary>A portal whose clock stands at 23:30 UTC on 2026-12-01: already 07:30 on 2026-12-02 in Beijing.</summary>
public sealed class HalfPastElevenUtcPortal() : DedicatedPortal(seedDemo: true, clock: new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));

/// <summary>Business time is China time, whatever zone the server runs in.</summary>
public sealed class ChinaTimeTests(HalfPastElevenUtcPortal portal) : IClassFixture<HalfPastElevenUtcPortal>
{
    [Fact]
    public async Task At_half_past_eleven_UTC_the_home_page_and_the_history_speak_of_the_next_day_in_Beijing()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var school = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.RegionCode.StartsWith("5203")).Select(i => i.Id).FirstAsync());

        var home = await zunyi.GetAsync("/");
        var form = await zunyi.GetAsync($"/Institutions/Edit/{school}");
        await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Head"] = "时区测试校长" });
        var history = await zunyi.GetAsync($"/History/institution/{school}");

        Assert.Contains("今天 2026-12-02", home.Text.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Matches(@"2026-12-02 07:3\d \(UTC\+08:00\)", history.Text);
    }
}
