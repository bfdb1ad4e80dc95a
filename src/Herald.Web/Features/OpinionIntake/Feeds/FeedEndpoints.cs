using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>订阅源页（/opinion/feeds）与 API（/api/v1/opinion/feeds）。</summary>
public static class FeedEndpoints
{
    public static void MapFeedPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/opinion/feeds", async (string? notice, long? edit, HttpContext http, ManageFeeds feeds) =>
        {
            var list = await feeds.ListAsync(http.RequestAborted);
            var editing = edit is { } e ? list.FirstOrDefault(f => f.Id == e) : null;
            return Pages.Render(new FeedsPageModel { Feeds = list, Notice = notice, Form = editing is null ? new FeedForm() : FeedForm.From(editing), EditingId = editing?.Id });
        });

        pages.MapPost("/opinion/feeds", ([FromForm] FeedForm form, HttpContext http, ManageFeeds feeds) =>
            SaveAsync(null, form, http, feeds));

        pages.MapPost("/opinion/feeds/{id:long}", (long id, [FromForm] FeedForm form, HttpContext http, ManageFeeds feeds) =>
            SaveAsync(id, form, http, feeds));

        pages.MapPost("/opinion/feeds/{id:long}/disable", (long id, HttpContext http, ManageFeeds feeds) =>
            RunAsync(http, feeds, "disabled", () => feeds.SetDisabledAsync(id, true, http.RequestAborted)));

        pages.MapPost("/opinion/feeds/{id:long}/enable", (long id, HttpContext http, ManageFeeds feeds) =>
            RunAsync(http, feeds, "enabled", () => feeds.SetDisabledAsync(id, false, http.RequestAborted)));

        pages.MapPost("/opinion/feeds/{id:long}/poll", (long id, HttpContext http, ManageFeeds feeds) =>
            RunAsync(http, feeds, "poll", () => feeds.PollNowAsync(id, http.RequestAborted)));
    }

    public static void MapFeedApi(this RouteGroupBuilder api)
    {
        api.MapGet("/opinion/feeds", async Task<Ok<IReadOnlyList<FeedDto>>> (HttpContext http, ManageFeeds feeds) =>
                TypedResults.Ok(await feeds.ListAsync(http.RequestAborted)))
            .WithSummary("订阅源（RSS 2.0 / Atom）及其轮询状态")
            .WithDescription("status：ok|failing|never|disabled；lastError 为最近一次失败的中文说明（超时、HTTP 状态、过大、不是订阅源格式等）；" +
                             "consecutiveFailures 连续失败次数（连续失败时轮询间隔加倍，最多 8 倍）。只有宣传办可以查看。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/opinion/feeds", async Task<Created<FeedDto>> (FeedRequest request, HttpContext http, ManageFeeds feeds) =>
            {
                var created = await feeds.SaveAsync(null, request, http.RequestAborted);
                return TypedResults.Created($"/api/v1/opinion/feeds/{created.Id}", created);
            })
            .WithSummary("新建订阅源")
            .WithDescription("{\"name\":\"县政府网站\",\"url\":\"https://…/rss.xml\",\"platform\":\"新闻网站\",\"intervalMinutes\":30,\"timeoutSeconds\":15,\"maxKilobytes\":2048}。" +
                             "间隔 5–1440 分钟，超时 2–120 秒，大小上限 16–10240 KB。新建后下一轮即轮询。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPut("/opinion/feeds/{id:long}", async Task<Ok<FeedDto>> (long id, FeedRequest request, HttpContext http, ManageFeeds feeds) =>
                TypedResults.Ok(await feeds.SaveAsync(id, request, http.RequestAborted)))
            .WithSummary("修改订阅源")
            .WithDescription("字段同新建；未给出的间隔、超时、大小上限保持不变。revision 与当前不符时 409。")
            .ProducesCommandProblems();

        api.MapPost("/opinion/feeds/{id:long}/disable", async Task<Ok<FeedDto>> (long id, HttpContext http, ManageFeeds feeds) =>
                TypedResults.Ok(await feeds.SetDisabledAsync(id, true, http.RequestAborted)))
            .WithSummary("停用订阅源（不再轮询，已收录的信息保留）")
            .WithDescription("只有宣传办可以调用。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/opinion/feeds/{id:long}/enable", async Task<Ok<FeedDto>> (long id, HttpContext http, ManageFeeds feeds) =>
                TypedResults.Ok(await feeds.SetDisabledAsync(id, false, http.RequestAborted)))
            .WithSummary("重新启用订阅源")
            .WithDescription("只有宣传办可以调用。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/opinion/feeds/{id:long}/poll", async Task<Ok<FeedDto>> (long id, HttpContext http, ManageFeeds feeds) =>
            {
                await feeds.PollNowAsync(id, http.RequestAborted);
                return TypedResults.Ok((await feeds.ListAsync(http.RequestAborted)).First(f => f.Id == id));
            })
            .WithSummary("立即检查订阅源（下一轮，最迟半分钟）")
            .WithDescription("只有宣传办可以调用；已停用的源 409。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> SaveAsync(long? id, FeedForm form, HttpContext http, ManageFeeds feeds)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await feeds.SaveAsync(id, form.ToRequest(), http.RequestAborted);
                return "/opinion/feeds?notice=" + (id is null ? "created" : "saved");
            },
            async failure => Pages.Render(new FeedsPageModel
            {
                Feeds = await feeds.ListAsync(http.RequestAborted),
                Error = failure.Message,
                Form = form,
                EditingId = id,
            }, StatusCodes.Status400BadRequest));
    }

    private static async Task<IResult> RunAsync(HttpContext http, ManageFeeds feeds, string notice, Func<Task> action)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await action();
                return "/opinion/feeds?notice=" + notice;
            },
            async failure => Pages.Render(new FeedsPageModel { Feeds = await feeds.ListAsync(http.RequestAborted), Error = failure.Message, Form = new FeedForm() },
                StatusCodes.Status409Conflict));
    }
}

public sealed class FeedForm
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Platform { get; set; } = "新闻网站";
    public int? IntervalMinutes { get; set; } = ManageFeeds.DefaultInterval;
    public int? TimeoutSeconds { get; set; } = ManageFeeds.DefaultTimeout;
    public int? MaxKilobytes { get; set; } = ManageFeeds.DefaultMaxKilobytes;
    public int? Revision { get; set; }

    public static FeedForm From(FeedDto f) => new()
    {
        Name = f.Name, Url = f.Url, Platform = f.Platform, IntervalMinutes = f.IntervalMinutes, TimeoutSeconds = f.TimeoutSeconds,
        MaxKilobytes = f.MaxKilobytes, Revision = f.Revision,
    };

    public FeedRequest ToRequest() => new()
    {
        Name = Name, Url = Url, Platform = Platform, IntervalMinutes = IntervalMinutes, TimeoutSeconds = TimeoutSeconds,
        MaxKilobytes = MaxKilobytes, Revision = Revision,
    };
}
