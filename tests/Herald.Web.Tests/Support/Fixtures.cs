namespace Herald.Web.Tests.Support;

/// <summary>单个上传文件上限 1 MB（默认 20 MB），在创建第一个客户端之前设定；用于超限测试。</summary>
public sealed class SmallUploadFactory : HeraldFactory
{
    public const int MaxFileBytes = 1024 * 1024;

    public SmallUploadFactory() => Settings["Herald:Uploads:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>不建演示数据：只有三员账号 admin、secadmin、auditor，初始口令首次登录须修改。</summary>
public sealed class NoDemoFactory : HeraldFactory
{
    public const string InitialPassword = "Init#2026Start";

    public NoDemoFactory()
    {
        Settings["Herald:Demo:Enabled"] = "false";
        Settings["Herald:Admin:InitialPassword"] = InitialPassword;
    }
}
