namespace VocEdAlliance.IntegrationTests.Institutions;

/// <summary>A database of its own with over 10,000 schools in one county.</summary>
public sealed class LongListPortal() : DedicatedPortal(seedDemo: true)
{
    public const int Schools = 10_030;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"""
            WITH ids AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, {Schools}) AS n)
            INSERT INTO organisations (id, type, name, region_code, access_keys, is_demo_placeholder, kind, ownership)
            SELECT id, 'Institution', '正安长列表学校' || n, '520324',
                   ARRAY['r:52', 'r:5203', 'r:520324', 'o:' || replace(id::text, '-', '')], false, 'SecondaryVocationalSchool', 'Public'
            FROM ids
            """));
    }
}

/// <summary>At national scale a list does not count millions of rows on every view: past 10,000 it says "more than
/// 10,000" and still pages on.</summary>
public sealed class LongListTests(LongListPortal portal) : IClassFixture<LongListPortal>
{
    [Fact]
    public async Task A_list_of_more_than_ten_thousand_says_so_and_still_pages_on()
    {
        using var session = await portal.SignedInAsync("zunyi.staff@demo.local");

        var first = await session.GetAsync("/Institutions?region=520324&q=正安长列表学校");
        var beyondTheCount = await session.GetAsync("/Institutions?region=520324&q=正安长列表学校&p=402");
        var farBeyond = await session.GetAsync($"/Institutions?region=520324&q=正安长列表学校&p={int.MaxValue}");

        Assert.Contains("超过 10,000 条 · 第 1 页", first.Document.QuerySelector("[data-testid=total]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(25, first.Document.QuerySelectorAll("[data-testid=results] tbody tr").Length);
        Assert.NotNull(first.Document.QuerySelector("nav .pagination li:last-child:not(.disabled) a"));
        // 10,030 schools: page 402 holds the last five, although only 10,000 were counted.
        Assert.Equal(5, beyondTheCount.Document.QuerySelectorAll("[data-testid=results] tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, farBeyond.Status);
        Assert.Empty(farBeyond.Document.QuerySelectorAll("[data-testid=results] tbody tr"));
    }
}
