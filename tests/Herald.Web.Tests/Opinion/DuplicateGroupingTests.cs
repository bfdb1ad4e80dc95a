using Herald.Web.Features.OpinionIntake;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

/// <summary>
/// 近似重复归组。文本为 50 个互不相同的字（48 个 3-gram）：换掉中间一个字，去掉 3 个、加上 3 个 3-gram，
/// Jaccard = 45 / 51 ≈ 0.882（重复）；相隔较远地换两个字，Jaccard = 42 / 54 ≈ 0.778（不重复）。
/// </summary>
public sealed class DuplicateGroupingTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private Task<int> DuplicateCountAsync(long id) =>
        factory.QueryAsync(db => db.OpinionItems.Where(i => i.Id == id).Select(i => i.DuplicateCount).SingleAsync());

    [Fact]
    public async Task NearDuplicate_JoinsGroupOfFirstItem_EvenWhenOnlySimilarToAMember()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(1);
        var first = await office.PushOneAsync(Item(text));
        var v1 = Replace(text, 10, '甲');              // 与 first：0.882
        var v2 = Replace(v1, 30, '乙');                // 与 v1：0.882；与 first：0.778

        var second = await office.PushOneAsync(Item(v1));
        var third = await office.PushOneAsync(Item(v2));

        first.DuplicateOf().ShouldBeNull();
        second.DuplicateOf().ShouldBe(first.Long("id"));
        third.DuplicateOf().ShouldBe(first.Long("id"));
        (await DuplicateCountAsync(first.Long("id"))).ShouldBe(2);
    }

    [Fact]
    public async Task BelowThreshold_NotGrouped()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(3);
        var first = await office.PushOneAsync(Item(text));

        var twoChanges = await office.PushOneAsync(Item(Replace(Replace(text, 10, '甲'), 30, '乙')));
        var unrelated = await office.PushOneAsync(Item(Permuted(7)));

        twoChanges.DuplicateOf().ShouldBeNull();
        unrelated.DuplicateOf().ShouldBeNull();
        (await DuplicateCountAsync(first.Long("id"))).ShouldBe(0);
    }

    [Fact]
    public async Task ExactlyAtThreshold_Grouped()
    {
        using var office = await factory.ApiClientAsync("office");
        // 11 个互不相同的字有 9 个 3-gram；换掉最后一个字：共有 8 个，并集 10 个，Jaccard = 0.8。
        var text = Permuted(9)[..11];
        var first = await office.PushOneAsync(Item(text));

        var last = await office.PushOneAsync(Item(text[..10] + "丙"));

        last.DuplicateOf().ShouldBe(first.Long("id"));
    }

    [Fact]
    public async Task ConcurrentPushes_SameText_OneGroupHeadAndTheRestJoinIt()
    {
        // 各批的写事务必须排队（PostgreSQL 上靠咨询锁）：并行时两批都看不见对方未提交的那条，会各自成组。
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(23);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => office.PushOneAsync(Item(text))));

        var heads = results.Where(r => r.DuplicateOf() is null).Select(r => r.Long("id")).ToList();
        heads.Count.ShouldBe(1, "exactly one of the concurrent copies starts the group");
        results.Where(r => r.DuplicateOf() is not null).ShouldAllBe(r => r.DuplicateOf() == heads[0]);
        (await DuplicateCountAsync(heads[0])).ShouldBe(7);
    }

    [Fact]
    public async Task PunctuationWidthAndTraditional_DoNotHideADuplicate()
    {
        using var office = await factory.ApiClientAsync("office");
        var first = await office.PushOneAsync(Item("某县城关镇东湖小区发生燃气管道泄漏，消防部门已到场处置，暂无人员受伤。"));

        var again = await office.PushOneAsync(Item("某縣城關鎮東湖小區發生燃氣管道泄漏!!消防部門已到場處置,暫無人員受傷"));

        again.DuplicateOf().ShouldBe(first.Long("id"));
    }

    [Fact]
    public async Task DuplicatesWithinOneBatch_SecondPointsToFirst()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(11);

        var results = await office.PushBatchAsync(Item(text), Item(Replace(text, 20, '丁')), Item(Permuted(13)), Item(text));

        var firstId = results[0].Long("id");
        results.Select(r => r.DuplicateOf()).ShouldBe([null, firstId, null, firstId]);
        (await DuplicateCountAsync(firstId)).ShouldBe(2);
    }

    [Fact]
    public async Task NearCopy_NotAddedToCandidateIndex_EditedVariantIs()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(41);
        var first = (await office.PushOneAsync(Item(text))).Long("id");
        var copy = await office.PushOneAsync(Item(text + "。"));              // 标点不计：Jaccard 1.0
        var variant = await office.PushOneAsync(Item(Replace(text, 10, '丙'))); // 0.882

        (copy.DuplicateOf(), variant.DuplicateOf()).ShouldBe((first, first));
        await factory.Services.GetRequiredService<BandIndexer>().MergeNowAsync();
        (await factory.QueryAsync(db => db.OpinionItemBands.CountAsync(b => b.ItemId == first))).ShouldBe(20);
        (await factory.QueryAsync(db => db.OpinionItemBands.CountAsync(b => b.ItemId == copy.Long("id")))).ShouldBe(0);
        (await factory.QueryAsync(db => db.OpinionItemBands.CountAsync(b => b.ItemId == variant.Long("id")))).ShouldBe(20);
    }

    [Fact]
    public async Task BatchItemDuplicatingStoredGroup_JoinsStoredGroup()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(17);
        var stored = await office.PushOneAsync(Item(text));

        var results = await office.PushBatchAsync(Item(Replace(text, 5, '甲')), Item(Replace(text, 40, '乙')));

        results.Select(r => r.DuplicateOf()).ShouldBe([stored.Long("id"), stored.Long("id")]);
        (await DuplicateCountAsync(stored.Long("id"))).ShouldBe(2);
    }
}

/// <summary>阈值可配置：0.75 时，换两个字（0.778）也算重复。</summary>
public sealed class LowerThresholdFactory : HeraldFactory
{
    public LowerThresholdFactory() => Settings["Herald:Opinion:DuplicateThreshold"] = "0.75";
}

public sealed class DuplicateThresholdTests(LowerThresholdFactory factory) : IClassFixture<LowerThresholdFactory>
{
    [Fact]
    public async Task ConfiguredThreshold_Applies()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(19);
        var first = await office.PushOneAsync(Item(text));

        var twoChanges = await office.PushOneAsync(Item(Replace(Replace(text, 10, '甲'), 30, '乙')));

        twoChanges.DuplicateOf().ShouldBe(first.Long("id"));
    }
}

/// <summary>只与查重窗口（默认 30 天）内收到的信息比较。</summary>
public sealed class DuplicateWindowTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task OutsideWindow_NotGrouped_InsideWindowGrouped()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = Permuted(21);
        var old = await office.PushOneAsync(Item(text));

        // 令牌 12 小时过期：拨过时钟后重新取令牌。
        factory.Clock.Advance(TimeSpan.FromDays(29));
        using var month = await factory.ApiClientAsync("office");
        (await month.PushOneAsync(Item(text))).DuplicateOf().ShouldBe(old.Long("id"));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var again = await factory.ApiClientAsync("office");
        var fresh = await again.PushOneAsync(Item(Replace(text, 25, '甲')));
        // 31 天前的那条已在窗口外；29 天时收到的那条（属于旧组）仍在窗口内，新信息归入旧组。
        fresh.DuplicateOf().ShouldBe(old.Long("id"));

        factory.Clock.Advance(TimeSpan.FromDays(31));
        using var later = await factory.ApiClientAsync("office");
        (await later.PushOneAsync(Item(text))).DuplicateOf().ShouldBeNull();
    }
}
