using Herald.Web.Features.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Audit;

/// <summary>审计说明的中文读法：各处写下的说明（含旧记录）显示时不出现代码和英文套话。</summary>
public sealed class AuditDetailsTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("示例街道党政办公室-20261120-1; route UnitHead,SupervisingLeader; status InReview",
        "示例街道党政办公室-20261120-1；审核路线：单位负责人→分管领导；状态：审核中")]
    [InlineData("step 2; status Approved", "第 2 级审核；状态：已审定")]
    [InlineData("web: wrong password", "网页：口令错误")]
    [InlineData("api: unknown user", "API：用户名不存在")]
    [InlineData("web: disabled", "网页：账号已停用")]
    [InlineData("web", "网页")]
    [InlineData("5 failures", "连续失败 5 次")]
    [InlineData("li; tokens revoked: 2", "li；吊销令牌 2 个")]
    [InlineData("li: unit_head @ 示例街道 / 党政办公室", "li: 单位负责人，示例街道 / 党政办公室")]
    [InlineData("li: auditor", "li: 审计管理员")]
    [InlineData("旧名 (Department) -> 新名 (Community)", "旧名 （科室/部门） → 新名 （村/社区）")]
    [InlineData("示例街道 / 新科室 (Department) [import]", "示例街道 / 新科室 （科室/部门）（批量导入）")]
    [InlineData("general -> major", "一般 → 重大")]
    [InlineData("major; items 3,4; suggested significant (42)", "重大；舆情信息编号：3、4；建议等级：较大（42 分）")]
    [InlineData("response 1; pending_approval", "第 1 次回应；审核中")]
    [InlineData("due 2026-11-20 02:00", "办理期限：2026年11月20日 10:00")]
    [InlineData("major.first_response=60", "重大·内部首次响应：60 分钟")]
    [InlineData("units 2, users 3, roles 4", "单位 2 个, 账号 3 个, 角色 4 个")]
    [InlineData("经济发展 up -> 2", "经济发展上移到第 2 位")]
    [InlineData("周报 v2 docx 0123456789abcdef0123 xlsx fedcba9876543210fedc", "周报 第 2 版 Word 文件校验值 0123456789ab Excel 文件校验值 fedcba987654")]
    [InlineData("关于开展活动的通知", "关于开展活动的通知")]
    public async Task Readable_RecordedDetail_ChineseWithoutCodes(string detail, string expected)
    {
        using var scope = factory.Services.CreateScope();
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var tree = await scope.ServiceProvider.GetRequiredService<OrgDirectory>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<Herald.Web.Infrastructure.Data.HeraldDbContext>());

        AuditDetails.Readable(detail, messages, tree).ShouldBe(expected);
    }

    [Fact]
    public async Task Readable_AssignedUnit_ShowsTheUnitsPath()
    {
        using var scope = factory.Services.CreateScope();
        var messages = scope.ServiceProvider.GetRequiredService<Messages>();
        var tree = await scope.ServiceProvider.GetRequiredService<OrgDirectory>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<Herald.Web.Infrastructure.Data.HeraldDbContext>());
        var unitId = await factory.UnitIdAsync("示例街道党政办公室");

        AuditDetails.Readable($"unit {unitId}; due 2026-11-21 01:30", messages, tree)
            .ShouldBe($"单位：{tree.PathName(unitId)}；办理期限：2026年11月21日 09:30");
    }
}
