using Herald.Web.Features.OpinionIntake;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

public sealed class BandIndexPruningTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<int> BandRowsAsync(long itemId)
    {
        await factory.Services.GetRequiredService<BandIndexer>().MergeNowAsync();
        return await factory.QueryAsync(db => db.OpinionItemBands.CountAsync(b => b.ItemId == itemId));
    }

    [Fact]
    public async Task Prune_RemovesOnlyRowsOfItemsOutsideTheWindow()
    {
        using (var office = await factory.ApiClientAsync("office"))
        {
            var old = (await office.PushOneAsync(Item(Permuted(23)))).Long("id");
            (await BandRowsAsync(old)).ShouldBe(20);
            factory.Clock.Advance(TimeSpan.FromDays(31));
            using var later = await factory.ApiClientAsync("office");
            var recent = (await later.PushOneAsync(Item(Permuted(27)))).Long("id");

            var removed = await factory.Services.GetRequiredService<BandIndexPruning>().RunOnceAsync(default);

            removed.ShouldBeGreaterThanOrEqualTo(20);
            (await BandRowsAsync(old)).ShouldBe(0);
            (await BandRowsAsync(recent)).ShouldBe(20);
            // 信息本身保留。
            (await factory.QueryAsync(db => db.OpinionItems.AnyAsync(i => i.Id == old))).ShouldBeTrue();
        }
    }
}
