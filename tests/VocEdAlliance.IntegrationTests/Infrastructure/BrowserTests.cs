namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>A test class driving Chromium: each test gets the portal on real Kestrel and a browser of its own.</summary>
public abstract class BrowserTests(PortalFixture portal) : IAsyncLifetime
{
    protected PortalFixture Portal => portal;

    protected BrowserHarness Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Browser = await BrowserHarness.StartAsync(portal.ConnectionString);

    /// <summary>Starts one run of a journey (see <see cref="Journey.Runs"/>).</summary>
    protected Task<Journey> StartJourneyAsync(string name, string language, string size) => Journey.StartAsync(Browser, name, language, size);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
