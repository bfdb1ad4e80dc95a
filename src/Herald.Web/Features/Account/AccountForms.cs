namespace Herald.Web.Features.Account;

public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class NewTokenForm
{
    public string? Name { get; set; }
}

/// <summary>totp：启用了第二因素（或角色要求）的账号必须带上当前的 6 位动态码（也可用一个恢复码）。</summary>
public sealed record TokenRequest(string? UserName, string? Password, string? Name, string? Totp = null);

public sealed class SecondFactorCodeForm
{
    public string? Code { get; set; }
}

public sealed class SecondFactorEnrolForm
{
    public string? EnrolmentToken { get; set; }
    public string? Code { get; set; }
}

public sealed record AssignmentDto(string Role, long? UnitId, string? UnitName);

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, long? UnitId,
    IReadOnlyList<AssignmentDto> Assignments);
