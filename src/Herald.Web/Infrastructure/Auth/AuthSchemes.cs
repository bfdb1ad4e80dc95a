namespace Herald.Web.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>网页：Cookie 登录。</summary>
    public const string Cookie = "Cookies";
    /// <summary>API：Bearer 令牌。</summary>
    public const string Token = "Token";

    public const string PagesPolicy = "Pages";
    public const string ApiPolicy = "Api";
    /// <summary>文件下载：Cookie 或令牌皆可（只读，无 CSRF 风险）。</summary>
    public const string FilesPolicy = "Files";
}

public static class HeraldClaims
{
    public const string UserId = "uid";
    public const string UserName = "un";
    public const string DisplayName = "dn";
    public const string SecurityStamp = "ss";
    public const string MustChangePassword = "mcp";
    public const string TokenId = "tid";
    public const string SessionId = "sid";
}
