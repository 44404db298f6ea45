using System.Net;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.UnitTests.Platform;

public class MetricsOptionsTests
{
    [Theory]
    [InlineData("10.0.8.17", true)]
    [InlineData("::ffff:10.0.8.17", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.9.1", false)]
    [InlineData("192.168.1.5", false)]
    public void Only_the_configured_scraper_addresses_and_networks_may_scrape_without_signing_in(string address, bool allowed)
    {
        var options = new MetricsOptions { Scrapers = ["10.0.8.0/24", " 127.0.0.1 "] };

        Assert.Equal(allowed, options.IsScraper(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_address_is_a_scraper_unless_configured()
    {
        Assert.False(new MetricsOptions().IsScraper(IPAddress.Loopback));
        Assert.False(new MetricsOptions { Scrapers = ["127.0.0.1"] }.IsScraper(null));
    }
}
