using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>同一作者在两个窗口编辑同一草稿：后保存的一方被拒绝并看到提示，先保存的内容保留。</summary>
public sealed class StaleEditTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string StaleMessage = "这篇稿件在您编辑期间已被修改或已提交（可能在另一个窗口），为避免覆盖，本次修改未保存。请刷新后查看最新内容。";

    private static async Task<string> RevisionOnEditPageAsync(WebSession session, long id)
    {
        var (response, page) = await session.GetPageAsync($"/manuscripts/{id}/edit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelector("input[name=revision]")!.GetAttribute("value")!;
    }

    private static ManuscriptForm Edit(string title, string body, string revision, string action = "save")
    {
        var form = new ManuscriptForm { Title = title, Body = body, Action = action };
        form.Extra.Add(new("revision", revision));
        return form;
    }

    [Fact]
    public async Task EditDraft_TwoWindowsSaveSameRevision_SecondRefusedFirstKept()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = "原始标题", Draft = true })).Long("id");
        using var windowA = await factory.SignInAsync("officer");
        using var windowB = await factory.SignInAsync("officer");
        var revisionA = await RevisionOnEditPageAsync(windowA, id);
        var revisionB = await RevisionOnEditPageAsync(windowB, id);
        revisionB.ShouldBe(revisionA);

        var saveA = await windowA.PostMultipartAsync($"/manuscripts/{id}/edit", $"/manuscripts/{id}/edit",
            Edit("窗口A的标题", "窗口A的正文。", revisionA).ToContent());
        var saveB = await windowB.PostMultipartAsync($"/manuscripts/{id}/edit", $"/manuscripts/{id}/edit",
            Edit("窗口B的标题", "窗口B的正文。", revisionB).ToContent());

        saveA.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saveA.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}/edit?notice=saved");
        saveB.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(saveB);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain(StaleMessage);
        // B 刚输入的内容仍在表单上，不会丢。
        page.QuerySelector("input#title")!.GetAttribute("value").ShouldBe("窗口B的标题");
        var json = await ManuscriptApi.GetOkAsync(officer, id);
        json.Str("title").ShouldBe("窗口A的标题");
        json.Str("body").ShouldBe("窗口A的正文。");
        json.Str("status").ShouldBe("draft");

        // 刷新后以最新版本保存即可成功。
        var fresh = await RevisionOnEditPageAsync(windowB, id);
        var retry = await windowB.PostMultipartAsync($"/manuscripts/{id}/edit", $"/manuscripts/{id}/edit",
            Edit("窗口B的标题", "窗口B的正文。", fresh).ToContent());
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("title").ShouldBe("窗口B的标题");
    }

    [Fact]
    public async Task EditDraft_SubmittedInOtherWindow_SaveRefusedFormRedisplayedAndSubmittedContentKept()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = "待提交的草稿", Draft = true })).Long("id");
        using var windowA = await factory.SignInAsync("officer");
        using var windowB = await factory.SignInAsync("officer");
        var revisionA = await RevisionOnEditPageAsync(windowA, id);
        var revisionB = await RevisionOnEditPageAsync(windowB, id);
        var tokenB = await windowB.TokenAsync($"/manuscripts/{id}/edit");

        var submitA = await windowA.PostMultipartAsync($"/manuscripts/{id}/edit", $"/manuscripts/{id}/edit",
            Edit("提交的标题", "提交的正文。", revisionA, "submit").ToContent());
        // B 的页面是提交之前打开的（防伪令牌也是那时取得的）。
        var staleForm = Edit("过期窗口的标题", "过期窗口的正文。", revisionB).ToContent();
        staleForm.Add(new StringContent(tokenB), "__RequestVerificationToken");
        var saveB = await windowB.Client.PostAsync($"/manuscripts/{id}/edit", staleForm);

        submitA.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        submitA.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=submitted");
        saveB.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(saveB);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("“审核中”状态的稿件不能修改。");
        page.QuerySelector("input#title")!.GetAttribute("value").ShouldBe("过期窗口的标题"); // 用户刚输入的内容还给他
        var json = await ManuscriptApi.GetOkAsync(officer, id);
        json.Str("title").ShouldBe("提交的标题");
        json.Str("status").ShouldBe("in_review");
        json.Int("version").ShouldBe(1);
    }
}
