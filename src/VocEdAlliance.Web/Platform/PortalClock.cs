using System.Globalization;

namespace VocEdAlliance.Web.Platform;

/// <summary>The portal's one clock. Business time is China time: "today", the 90-day expiry window, the year a form
/// proposes and every time shown are in <c>Asia/Shanghai</c> (<c>Portal__TimeZone</c> changes it), whatever zone the
/// server runs in; stored timestamps stay UTC. It is the application's <see cref="TimeProvider"/>, so
/// <c>GetLocalNow()</c> anywhere is business time.</summary>
public sealed class PortalClock(TimeProvider source, TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => source.GetUtcNow();

    public override long GetTimestamp() => source.GetTimestamp();

    public override long TimestampFrequency => source.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        source.CreateTimer(callback, state, dueTime, period);

    /// <summary>The business date now.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetLocalNow().DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>The business date of a moment: <c>2026-12-02</c>.</summary>
    public string DayOf(DateTimeOffset at) => ToLocal(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment as shown in history and documents, with its zone: <c>2026-12-02 04:10 (UTC+08:00)</c>.</summary>
    public string TimeOf(DateTimeOffset at)
    {
        var local = ToLocal(at);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} (UTC{sign}{offset:hh\\:mm})");
    }
}

public static class PortalClockRegistration
{
    public static IServiceCollection AddPortalClock(this IServiceCollection services, IConfiguration configuration)
    {
        var name = configuration["Portal:TimeZone"];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(name) ? PortalClock.DefaultTimeZone : name.Trim());
        var clock = new PortalClock(TimeProvider.System, zone);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        return services;
    }
}
