using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Account;

/// <summary>登录第二步：输入动态码或恢复码。</summary>
public sealed record SecondFactorSignInPageModel : IPageModel<SecondFactorSignInPage>
{
    public string? Error { get; init; }
}

/// <summary>登记（登录时首次登记，或本人在"第二因素"页登记）、恢复码（只显示一次）、本人管理。</summary>
public sealed record SecondFactorSetupPageModel : IPageModel<SecondFactorSetupPage>
{
    public required string Action { get; init; }
    public bool AtSignIn { get; init; }
    public SecondFactorStatus? Status { get; init; }
    public SecondFactorEnrolment? Enrolment { get; init; }
    public IReadOnlyList<string>? RecoveryCodes { get; init; }
    public string? ContinueUrl { get; init; }
    public string? Error { get; init; }
}
