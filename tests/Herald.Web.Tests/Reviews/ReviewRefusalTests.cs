using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reviews;

/// <summary>被拒绝的审核与重新报送：错误码、中文说明，且稿件保持原状。</summary>
public sealed class ReviewRefusalTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<(HttpClient Officer, long Id)> SubmittedAsync(string importance = "routine")
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), importance)).Long("id");
        return (officer, id);
    }

    [Fact]
    public async Task Review_LeaderAtUnitHeadStep_403NotReviewerAndUnchanged()
    {
        var (officer, id) = await SubmittedAsync("important");
        var leader = await factory.ApiClientAsync("leader");

        var result = await ManuscriptApi.ReviewAsync(leader, id, "approve");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Review.NotReviewer", "您不是这篇稿件当前这一级的审核人。");
        var json = await ManuscriptApi.GetOkAsync(officer, id);
        json.GetProperty("currentStep").Int("step").ShouldBe(1);
        json.Items("history").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Review_AuthorApprovesOwn_403NotReviewer()
    {
        var (officer, id) = await SubmittedAsync();

        var result = await ManuscriptApi.ReviewAsync(officer, id, "approve");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Review.NotReviewer", "您不是这篇稿件当前这一级的审核人。");
    }

    [Theory]
    [InlineData("return", null)]
    [InlineData("return", "   ")]
    [InlineData("reject", "")]
    public async Task Review_ReturnOrRejectWithoutReason_400ReasonRequired(string decision, string? comment)
    {
        var (officer, id) = await SubmittedAsync();
        var head = await factory.ApiClientAsync("head");

        var result = await ManuscriptApi.ReviewAsync(head, id, decision, comment);

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Review.ReasonRequired", "退回修改或不予采用时必须填写理由。");
        problem.FieldErrors("comment").ShouldBe(["退回修改或不予采用时必须填写理由。"]);
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("in_review");
    }

    [Fact]
    public async Task Review_UnknownDecision_400()
    {
        var (_, id) = await SubmittedAsync();

        var result = await ManuscriptApi.ReviewAsync(await factory.ApiClientAsync("head"), id, "maybe");

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Review.UnknownDecision",
            "审核决定应为 approve（通过）、return（退回修改）或 reject（不予采用）。");
        problem.FieldErrors("decision").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Review_AlreadyApproved_409NotInReview()
    {
        var (_, id) = await SubmittedAsync();
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.ReviewOkAsync(head, id, "approve");

        var result = await ManuscriptApi.ReviewAsync(head, id, "approve");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.NotInReview", "稿件当前为“已审定”，不在审核中。");
    }

    [Fact]
    public async Task Review_StaleRevision_409AndCurrentRevisionAccepted()
    {
        var (officer, id) = await SubmittedAsync();
        var head = await factory.ApiClientAsync("head");
        var revision = (await ManuscriptApi.GetOkAsync(officer, id)).Int("revision");

        var stale = await ManuscriptApi.ReviewAsync(head, id, "approve", revision: revision - 1);

        await stale.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.StaleReview", "这篇稿件已被处理或已更新，请刷新后再审核。");
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("in_review");
        var fresh = await ManuscriptApi.ReviewAsync(head, id, "approve", revision: revision);
        fresh.Status.ShouldBe(HttpStatusCode.OK);
        fresh.Json.Str("status").ShouldBe("approved");
    }

    [Fact]
    public async Task Resubmit_InReview_409NotEditableAndContentKept()
    {
        var (officer, id) = await SubmittedAsync();
        var title = (await ManuscriptApi.GetOkAsync(officer, id)).Str("title");

        var result = await ManuscriptApi.ResubmitAsync(officer, id, new ManuscriptForm { Title = "偷偷改掉的标题" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.NotEditable", "“审核中”状态的稿件不能修改。");
        var json = await ManuscriptApi.GetOkAsync(officer, id);
        json.Str("title").ShouldBe(title);
        json.Int("version").ShouldBe(1);
    }

    [Fact]
    public async Task Resubmit_ByReviewerNotAuthor_403NotAuthor()
    {
        var (officer, id) = await SubmittedAsync();
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.ReviewOkAsync(head, id, "return", "请修改。");

        var result = await ManuscriptApi.ResubmitAsync(head, id, new ManuscriptForm { Title = "负责人改的标题" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Manuscript.NotAuthor", "只有作者本人可以修改或报送这篇稿件。");
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("returned");
    }

    [Fact]
    public async Task Resubmit_StaleRevision_409StaleEdit()
    {
        var (officer, id) = await SubmittedAsync();
        var returned = await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "return", "请修改。");

        var result = await ManuscriptApi.ResubmitAsync(officer, id, new ManuscriptForm { Revision = returned.Int("revision") - 1 });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.StaleEdit",
            "这篇稿件在您编辑期间已被修改或已提交（可能在另一个窗口），为避免覆盖，本次修改未保存。请刷新后查看最新内容。");
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("returned");
    }

    [Fact]
    public async Task Review_MissingJsonBody_400Problem()
    {
        var (_, id) = await SubmittedAsync();
        var head = await factory.ApiClientAsync("head");

        var response = await head.PostAsync($"/api/v1/manuscripts/{id}/review",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest", "请求格式不正确。");
    }
}
