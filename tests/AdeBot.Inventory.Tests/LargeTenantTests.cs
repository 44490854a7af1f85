using System.Text;
using AdeBot.Domain.Tokens;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

/// Runs alone: it measures process-wide allocations, which parallel tests would inflate.
[CollectionDefinition(nameof(LargeTenantTests), DisableParallelization = true)]
public sealed class LargeTenantCollection;

[Collection(nameof(LargeTenantTests))]
public sealed class LargeTenantTests
{
    private const int TokenCount = 2_000;
    private const int PageSize = 100;

    /// Page bodies made before the read, so the measurement counts only the inventory's work.
    private static FakeNetwork TwoThousandTokens()
    {
        var pages = Enumerable.Range(0, TokenCount / PageSize).Select(page =>
        {
            var next = page + 1 < TokenCount / PageSize ? $"{Graph}{AdePath}?$skiptoken=page{page + 1}" : null;
            return Encoding.UTF8.GetBytes(Page(Enumerable.Range(page * PageSize + 1, PageSize).Select(n => AdeToken(n)), next));
        }).ToArray();
        return new FakeNetwork().HealthyTenant().On(AdePath, request =>
        {
            var skipToken = request.RequestUri!.Query("$skiptoken");
            var page = skipToken is null ? 0 : int.Parse(skipToken["page".Length..]);
            return new HttpResponseMessage { Content = new ByteArrayContent(pages[page]) { Headers = { { "Content-Type", "application/json" } } } };
        });
    }

    [Fact]
    public async Task A_tenant_with_2000_ADE_tokens_is_read_across_every_page_in_bounded_memory()
    {
        var network = TwoThousandTokens();
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);
        await host.ReadAsync(); // warms up sign-in, JIT and the SDK's caches
        host.Time.Advance(TimeSpan.FromMinutes(1)); // past the minimum age of a forced refresh

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var reading = await host.ReadAsync(forceRefresh: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(reading.Succeeded);
        Assert.Equal(TokenCount, reading.Snapshot!.AdeTokens.Count);
        Assert.Equal(TokenCount, reading.Snapshot.AdeTokens.Select(t => t.Id).Distinct().Count());
        Assert.Equal("ade-2000", reading.Snapshot.AdeTokens[^1].Id);
        Assert.Equal(2 * TokenCount / PageSize, network.GraphRequests(AdePath).Count);
        // About 1.3 MB of JSON and ~9 MB allocated per read (see bench/AdeBot.Inventory.Bench); a generous cap that still catches buffering every page or quadratic copying.
        Assert.True(allocated < 40 * 1024 * 1024, $"One read allocated {allocated / 1024 / 1024} MB.");
    }

    [Fact]
    public async Task Paging_that_loops_is_an_unexpected_failure_not_an_endless_read()
    {
        var network = new FakeNetwork().HealthyTenant()
            .On(AdePath, _ => FakeNetwork.Json(Page([AdeToken(1)], $"{Graph}{AdePath}?$skiptoken=again")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.Equal(new InventoryFailure(InventoryFailureKind.Unexpected), reading.Failure);
        Assert.Equal(2, network.GraphRequests(AdePath).Count);
    }
}
