using System.Net;

namespace Herald.Web.Tests.Support;

/// <summary>通过报送页面上传图片：缺少说明时表单重新显示，图片已暂存。</summary>
public static class PageFormStaging
{
    /// <summary>提交一张不带说明的图片，返回暂存编号（stagedPhotos 的值）。</summary>
    public static async Task<long> StagePhotoWithoutCaptionAsync(WebSession session, string title = "暂存测试")
    {
        var form = new ManuscriptForm { Title = title, Action = "submit" }.WithPhoto("待说明.png", null, shade: 77);
        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        return long.Parse(page.QuerySelector("input[name=stagedPhotos]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
