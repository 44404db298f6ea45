using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VocEdAlliance.Web.Security;

/// <summary>Limits on guessing passwords, with ASP.NET Core's rate limiter, on top of the account lockout: per client
/// address (the sign-in page, <see cref="PerAddressPolicy"/>: <c>RateLimits__SignInPerAddressPerMinute</c>, default
/// 120, generous for an office behind one address) and per e-mail address typed (<see cref="TryAcquire"/>:
/// <c>RateLimits__SignInPerAccountPerMinute</c>, default 10, counted for unknown addresses too, so the answer says
/// nothing about which accounts exist). Counters are per portal instance.</summary>
public sealed class SignInThrottle : IDisposable
{
    public const string PerAddressPolicy = "sign-in-per-address";

    private readonly PartitionedRateLimiter<string> perAccount;

    public SignInThrottle(int perMinute) =>
        perAccount = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>May this e-mail address be tried once more now?</summary>
    public bool TryAcquire(string email)
    {
        using var lease = perAccount.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => perAccount.Dispose();

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("RateLimits:SignInPerAddressPerMinute", 120);
        services.AddSingleton(new SignInThrottle(configuration.GetValue("RateLimits:SignInPerAccountPerMinute", 10)));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerAddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
