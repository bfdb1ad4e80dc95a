using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Scoring;

public static class ScoringEndpoints
{
    public static void MapScoringRulePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/scoring/rules", async (string? notice, HttpContext http, GetScoringRules get, CurrentUser current, Clock clock) =>
        {
            var view = await get.HandleAsync(http.RequestAborted);
            var canEdit = ScoringAccess.CanEdit(await current.GetAsync(http.RequestAborted));
            var today = ChinaTime.DateOf(clock.UtcNow);
            return Pages.Render(new ScoringRulesPageModel
            {
                View = view,
                CanEdit = canEdit,
                Form = RuleVersionInput.From(view.Versions[0], today > view.Versions[0].EffectiveFrom ? today : view.Versions[0].EffectiveFrom),
                Today = today,
                Notice = notice,
            });
        });

        pages.MapPost("/scoring/rules", async (HttpContext http, CreateRuleVersion create, GetScoringRules get, Messages messages, Clock clock) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = RuleVersionInput.FromForm(form);
            return await FormPost.RunAsync(http, async () =>
                {
                    await create.HandleAsync(input, http.RequestAborted);
                    return "/scoring/rules?notice=created";
                },
                async failure =>
                {
                    var errors = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
                    string? summary = null;
                    if (failure.Exception is ValidationFailedException many)
                    {
                        foreach (var e in many.Errors)
                        {
                            if (!errors.TryGetValue(e.Field, out var list)) errors[e.Field] = list = [];
                            list.Add(messages.Error(e.Code, e.Args));
                        }
                        summary = messages["Scoring.FixErrors"];
                    }
                    else summary = failure.Message;
                    return Pages.Render(new ScoringRulesPageModel
                    {
                        View = await get.HandleAsync(http.RequestAborted),
                        CanEdit = true,
                        Form = input,
                        Today = ChinaTime.DateOf(clock.UtcNow),
                        Errors = errors,
                        Error = summary,
                    }, failure.Exception is AppException { Kind: ProblemKind.Conflict } ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
                });
        });
    }

    public static void MapScoringRuleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scoring-rules", async Task<Ok<ScoringRulesView>> (HttpContext http, GetScoringRules get) =>
                TypedResults.Ok(await get.HandleAsync(http.RequestAborted)))
            .WithSummary("计分规则：今天有效的版本（current）与全部版本（versions，生效日期新的在前）")
            .WithDescription("宣传办、主要负责人、领导（查看）可读，其他人 403。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/scoring-rules", async Task<Created<RuleSetDto>> (RuleVersionRequest request, HttpContext http, CreateRuleVersion create) =>
            {
                var created = await create.HandleAsync(request.ToInput(), http.RequestAborted);
                return TypedResults.Created("/api/v1/scoring-rules", created);
            })
            .WithSummary("新增计分规则版本（宣传办）")
            .WithDescription("规则不在原版本上修改，而是新增一个版本，自 effectiveFrom 起生效；生效日期不能早于今天（北京时间），" +
                             "因为已发布的通报已冻结、过去的时期按当时的规则计分。points 须给出 5 个级别（central、provincial、municipal、county、internal）" +
                             "× 7 个类型（newspaper、tv、radio、web、newmedia、xuexi、gov_bulletin）的分值（0–1000，最多两位小数）；instructionBonus 给出各级别批示加分；" +
                             "frontPageMultiplier 1–10；multiAdoption 为 highest_only 或 sum；capPoints 为空表示不设上限，capPeriod 为 month、quarter 或 year；" +
                             "monthlyQuota 0–100（0 表示不考核）；missingPenalty、latePenalty 0–1000。各字段的错误在 errors 中逐项给出。" +
                             "basedOn（可选）为填写时的最新版本编号，已有更新的版本时 409。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
    }
}
