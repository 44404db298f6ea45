using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.UnitTests.Platform;

public class PortalClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById(PortalClock.DefaultTimeZone);

    [Fact]
    public void At_half_past_eleven_UTC_it_is_already_the_next_day_in_Beijing()
    {
        var clock = new PortalClock(new FixedClock(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)), Beijing);

        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today);
        Assert.Equal(new DateOnly(2026, 12, 2), DateOnly.FromDateTime(((TimeProvider)clock).GetLocalNow().DateTime));
    }

    [Fact]
    public void Times_are_shown_in_business_time_with_their_zone()
    {
        var clock = new PortalClock(new FixedClock(DateTimeOffset.UnixEpoch), Beijing);
        var confirmed = new DateTimeOffset(2026, 12, 1, 20, 10, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-02 04:10 (UTC+08:00)", clock.TimeOf(confirmed));
        Assert.Equal("2026-12-02", clock.DayOf(confirmed));
    }
}
