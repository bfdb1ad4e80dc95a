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

public sealed record TokenRequest(string? UserName, string? Password, string? Name);

public sealed record AssignmentDto(string Role, long? UnitId, string? UnitName);

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, long? UnitId,
    IReadOnlyList<AssignmentDto> Assignments);
