using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>GET /api/v1/manuscripts：分页与 status/unitId/from/to/mine 过滤。每个测试用自己的标题标记（q）只数自己建的稿件。</summary>
public sealed class ListManuscriptsApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task List_FiveItemsPageSizeTwo_ThreePagesNewestFirst()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await ManuscriptApi.SubmitAsync(officer, $"{marker}-{i}")).Long("id"));
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page1 = await ManuscriptApi.ListAsync(officer, $"q={marker}&pageSize=2&page=1");
        var page2 = await ManuscriptApi.ListAsync(officer, $"q={marker}&pageSize=2&page=2");
        var page3 = await ManuscriptApi.ListAsync(officer, $"q={marker}&pageSize=2&page=3");

        page1.Int("total").ShouldBe(5);
        page1.Int("pageSize").ShouldBe(2);
        page1.Int("page").ShouldBe(1);
        page1.Int("pageCount").ShouldBe(3);
        var listed = new[] { page1, page2, page3 }.SelectMany(p => p.Items("items")).Select(i => i.Long("id")).ToList();
        listed.ShouldBe(ids.AsEnumerable().Reverse());
        page3.Items("items").Count.ShouldBe(1);
        var first = page1.Items("items")[0];
        first.Str("title").ShouldBe($"{marker}-5");
        first.Str("status").ShouldBe("in_review");
        first.Str("unitName").ShouldBe("示例街道党政办公室");
        first.Str("categoryName").ShouldBe("工作动态");
    }

    [Fact]
    public async Task List_PageSizeAbove100_ClampedTo100()
    {
        var officer = await factory.ApiClientAsync("officer");

        var json = await ManuscriptApi.ListAsync(officer, "pageSize=500");

        json.Int("pageSize").ShouldBe(100);
    }

    [Fact]
    public async Task List_StatusFilter_OnlyThatStatus()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var marker = ManuscriptApi.Marker();
        var draft = (await ManuscriptApi.SubmitAsync(officer, marker + "草稿", draft: true)).Long("id");
        var inReview1 = (await ManuscriptApi.SubmitAsync(officer, marker + "待审1")).Long("id");
        var inReview2 = (await ManuscriptApi.SubmitAsync(officer, marker + "待审2")).Long("id");
        var approved = (await ManuscriptApi.SubmitAsync(officer, marker + "通过")).Long("id");
        var returned = (await ManuscriptApi.SubmitAsync(officer, marker + "退回")).Long("id");
        await ManuscriptApi.ReviewOkAsync(head, approved, "approve");
        await ManuscriptApi.ReviewOkAsync(head, returned, "return", "请修改。");

        (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&status=draft")).ShouldBe([draft]);
        (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&status=in_review")).ShouldBe([inReview1, inReview2], ignoreOrder: true);
        (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&status=approved")).ShouldBe([approved]);
        (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&status=returned")).ShouldBe([returned]);
        (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&status=rejected")).ShouldBeEmpty();
        (await ManuscriptApi.ListAsync(officer, $"q={marker}")).Int("total").ShouldBe(5);
    }

    [Fact]
    public async Task List_UnknownStatus_400()
    {
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/manuscripts?status=published");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.UnknownStatus", "状态“published”无效。");
        problem.FieldErrors("status").ShouldBe(["状态“published”无效。"]);
    }

    [Fact]
    public async Task List_UnitFilter_IncludesSubunits()
    {
        var marker = ManuscriptApi.Marker();
        var party = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), marker + "党政办")).Long("id");
        var community = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer2"), marker + "社区")).Long("id");
        var office = await factory.ApiClientAsync("office");
        var partyUnit = await factory.UnitIdAsync("示例街道党政办公室");
        var communityUnit = await factory.UnitIdAsync("幸福社区");
        var street = await factory.UnitIdAsync("示例街道");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");

        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&unitId={partyUnit}")).ShouldBe([party]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&unitId={communityUnit}")).ShouldBe([community]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&unitId={street}")).ShouldBe([party, community], ignoreOrder: true);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&unitId={bureau}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_FromToFilter_BySubmissionDateInChinaTime()
    {
        var marker = ManuscriptApi.Marker();
        var start = factory.Clock.GetUtcNow();
        try
        {
            // 11月21日 23:30（北京时间）与 11月22日 00:30：UTC 下是同一天，按北京时间是两天。
            factory.Clock.SetChina(2026, 11, 21, 23, 30);
            var officer = await factory.ApiClientAsync("officer");
            var late21 = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = marker + "21日", EventDate = "2026-11-21" })).Long("id");
            factory.Clock.SetChina(2026, 11, 22, 0, 30);
            var early22 = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = marker + "22日", EventDate = "2026-11-21" })).Long("id");
            var draft = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = marker + "草稿", Draft = true })).Long("id");

            (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&from=2026-11-22")).ShouldBe([early22]);
            (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&to=2026-11-21")).ShouldBe([late21]);
            (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&from=2026-11-21&to=2026-11-22")).ShouldBe([late21, early22], ignoreOrder: true);
            (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}&from=2026-11-23")).ShouldBeEmpty();
            (await ManuscriptApi.ListIdsAsync(officer, $"q={marker}")).ShouldBe([late21, early22, draft], ignoreOrder: true);
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }

    [Fact]
    public async Task List_BadFromDate_400WithField()
    {
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.GetAsync("/api/v1/manuscripts?from=21/11/2026");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Form.BadDate", "日期格式应为 yyyy-MM-dd，如 2026-03-05。");
        problem.FieldErrors("from").Count.ShouldBe(1);
    }

    [Fact]
    public async Task List_Mine_OnlyCallersOwn()
    {
        // head 也是本单位可以报送的人：一般稿件由本人审核，自动通过。
        var marker = ManuscriptApi.Marker();
        var byOfficer = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), marker + "信息员")).Long("id");
        var head = await factory.ApiClientAsync("head");
        var byHead = await ManuscriptApi.SubmitAsync(head, marker + "负责人");

        byHead.Str("status").ShouldBe("approved");
        byHead.Items("history").Select(h => h.Str("action")).ShouldBe(["created", "submitted", "auto_passed"]);
        (await ManuscriptApi.ListIdsAsync(head, $"q={marker}")).ShouldBe([byOfficer, byHead.Long("id")], ignoreOrder: true);
        (await ManuscriptApi.ListIdsAsync(head, $"q={marker}&mine=true")).ShouldBe([byHead.Long("id")]);
    }
}
