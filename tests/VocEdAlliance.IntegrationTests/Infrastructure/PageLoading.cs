using Microsoft.Playwright;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>Waiting for a page to finish loading by asking the page itself (document.readyState), not by Playwright's
/// lifecycle events: on the 2-core CI machine a "load" event was twice reported lost after a redirect, and the wait
/// for it hung although the page had long finished.</summary>
public static class PageLoading
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Opens a portal address and waits until its document has loaded.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.LoadedAsync();
    }

    /// <summary>Waits until the address satisfies the condition and its document has loaded.</summary>
    public static async Task ArrivedAsync(this IPage page, Func<string, bool> address, int timeoutMs = 30_000)
    {
        await page.WaitForURLAsync(address, new() { WaitUntil = WaitUntilState.Commit, Timeout = timeoutMs });
        await page.LoadedAsync();
    }

    /// <summary>Waits until the page's current document reports readyState "complete" (its scripts, styles and images
    /// loaded). A navigation under way just means asking again.</summary>
    public static async Task LoadedAsync(this IPage page)
    {
        var deadline = DateTime.UtcNow + Patience;
        var state = "unknown";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = await page.EvaluateAsync<string>("() => document.readyState");
                if (state == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                state = "navigating"; // the execution context was replaced by a navigation: ask the new document
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{page.Url} did not finish loading in {Patience.TotalSeconds} s (document.readyState: {state}).");
    }
}
