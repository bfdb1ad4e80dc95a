using Herald.Domain.Opinion;
using Herald.Web.Features.OpinionIntake;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

/// <summary>
/// 段键先进待并入队列、再成批并入索引（docs/adr/0010）：无论原文的段键还在队列里、已并入索引，还是中途并入了一部分，
/// 近似重复都要找到；并入后队列清空，索引里每条 20 行，重做并入不出重复行。
/// </summary>
public sealed class BandBacklogTests(BandBacklogTests.ManualMergeFactory factory) : IClassFixture<BandBacklogTests.ManualMergeFactory>
{
    /// <summary>后台不自动并入，队列里有什么由测试决定。</summary>
    public sealed class ManualMergeFactory : HeraldFactory
    {
        public ManualMergeFactory()
        {
            Settings["Herald:Opinion:BandMergeSeconds"] = "86400";
            Settings["Herald:Opinion:BandMergeItems"] = "1000000";
        }
    }

    private BandIndexer Indexer => factory.Services.GetRequiredService<BandIndexer>();

    private Task<(int Backlog, int Bands)> RowsAsync(long itemId) => factory.QueryAsync(async db =>
        (await db.OpinionItemBandBacklog.CountAsync(b => b.ItemId == itemId), await db.OpinionItemBands.CountAsync(b => b.ItemId == itemId)));

    [Fact]
    public async Task Ingest_WritesKeysToBacklog_MergeMovesThemIntoIndex()
    {
        using var office = await factory.ApiClientAsync("office");
        await Indexer.MergeNowAsync();
        var id = (await office.PushOneAsync(Item(Permuted(7)))).Long("id");
        var keys = await factory.QueryAsync(db => db.OpinionItemBandBacklog.Where(b => b.ItemId == id).Select(b => b.BandKeys).SingleAsync());
        OpinionItemBandBacklog.Unpack(keys).Length.ShouldBe(DuplicateSignature.Bands);
        (await RowsAsync(id)).ShouldBe((1, 0));

        (await Indexer.MergeNowAsync()).ShouldBeGreaterThanOrEqualTo(1);

        (await RowsAsync(id)).ShouldBe((0, 20));
        (await Indexer.MergeNowAsync()).ShouldBe(0);
        (await RowsAsync(id)).ShouldBe((0, 20));
    }

    [Fact]
    public async Task Duplicate_FoundWhileOriginalIsStillInBacklog()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(17);
        var first = (await office.PushOneAsync(Item(text))).Long("id");
        (await RowsAsync(first)).Backlog.ShouldBe(1);

        var second = await office.PushOneAsync(Item(Replace(text, 25, '戊')));

        second.DuplicateOf().ShouldBe(first);
    }

    [Fact]
    public async Task Duplicate_FoundAfterOriginalWasMerged()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(19);
        var first = (await office.PushOneAsync(Item(text))).Long("id");
        await Indexer.MergeNowAsync();
        (await RowsAsync(first)).ShouldBe((0, 20));

        var second = await office.PushOneAsync(Item(Replace(text, 25, '己')));

        second.DuplicateOf().ShouldBe(first);
    }

    [Fact]
    public async Task Merge_InterruptedAfterIndexRowsWereWritten_RedoSkipsThemAndEmptiesBacklog()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(29);
        var first = (await office.PushOneAsync(Item(text))).Long("id");
        await Indexer.MergeNowAsync();
        // 模拟中断：索引行已写入，队列行还在。
        var keys = await factory.QueryAsync(db => db.OpinionItemBands.Where(b => b.ItemId == first).Select(b => b.BandKey).ToListAsync());
        await factory.QueryAsync(async db =>
        {
            db.OpinionItemBandBacklog.Add(OpinionItemBandBacklog.Create(first, keys));
            return await db.SaveChangesAsync();
        });

        var second = await office.PushOneAsync(Item(Replace(text, 25, '庚')));
        await Indexer.MergeNowAsync();

        second.DuplicateOf().ShouldBe(first);
        (await RowsAsync(first)).ShouldBe((0, 20));
    }

    [Fact]
    public void PackedKeys_RoundTrip()
    {
        long[] keys = [long.MinValue, -1, 0, 1, long.MaxValue, 0x0102030405060708];
        OpinionItemBandBacklog.Unpack(OpinionItemBandBacklog.Pack(keys)).ShouldBe(keys);
        Should.Throw<ArgumentException>(() => OpinionItemBandBacklog.Unpack(new byte[7]));
    }
}
