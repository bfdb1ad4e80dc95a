using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Audit;

/// <summary>
/// 审计动作的目录：筛选下拉框按类分组列出（中文名称在资源 Audit.Action.{代码}，类名在 Audit.Area.{类}）。
/// 新写一种审计动作时加在这里并给出中文名称（AuditActionCatalogTests 检查源代码里写的每个动作都在）。
/// </summary>
public static class AuditActions
{
    public sealed record Area(string Key, IReadOnlyList<string> Codes);

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("signin", ["signin.success", "signin.failed", "signin.locked", "signin.lockout", "signout", "password.change", "password.change_failed", "password.expired",
            "signin.second_factor", "signin.second_factor_failed", "second_factor.enable", "second_factor.disable", "second_factor.reset", "second_factor.recovery_codes",
            "token.issue", "token.revoke", "token.issue.intake", "token.revoke.intake"]),
        new("org", ["unit.create", "unit.update", "unit.move", "unit.disable", "unit.enable",
            "user.create", "user.update", "user.disable", "user.enable", "user.unlock", "user.password_reset",
            "role.assign", "role.remove", "role.request", "role.approve", "role.reject", "org.import", "correspondent.register", "correspondent.update", "correspondent.end"]),
        new("manuscript", ["manuscript.create", "manuscript.edit", "manuscript.submit", "manuscript.resubmit", "manuscript.approve",
            "manuscript.return", "manuscript.reject", "manuscript.sensitive-override", "manuscript.withdraw", "manuscript.review_edit", "manuscript.delete"]),
        new("publishing", ["manuscript.publish", "manuscript.not_used", "adoption.claim", "adoption.record", "adoption.verify",
            "adoption.refuse", "adoption.revoke", "bulletin.create", "bulletin.edit", "bulletin.publish",
            "channel.create", "channel.update", "channel.disable", "channel.enable",
            "outlet.create", "outlet.update", "outlet.disable", "outlet.enable"]),
        new("opinion", ["opinion.push", "opinion.report", "opinion_case.open", "opinion_case.assign", "opinion_case.severity",
            "opinion_case.response", "opinion_case.response.approve", "opinion_case.response.return", "opinion_case.disposal",
            "opinion_case.interview", "opinion_case.plan", "opinion_case.task", "opinion_case.feedback", "opinion_case.close",
            "opinion_case.reopen", "opinion_policy.update", "emergency_plan.create", "emergency_plan.update", "emergency_plan.disable",
            "emergency_plan.enable", "feed.create", "feed.update", "feed.disable", "feed.enable"]),
        new("access", ["access.denied", "file.download", "export", "audit.read", "audit.export", "audit.verify"]),
        new("settings", ["category.create", "category.rename", "category.move", "category.disable", "category.enable",
            "keywords.create", "keywords.update", "usage.update", "option_list.update", "scoring.rules.create", "system.seed"]),
    ];

    public static readonly IReadOnlySet<string> All = Areas.SelectMany(a => a.Codes).ToHashSet(StringComparer.Ordinal);

    /// <summary>动作的中文名称；目录外的（旧版本写下的）显示"其他操作"，不显示代码。</summary>
    public static string Name(Messages t, string code) =>
        t.L["Audit.Action." + code] is { ResourceNotFound: false } text ? text.Value : t["Audit.Action.Other"];
}
