namespace Herald.Web.Infrastructure.Data;

/// <summary>系统级键值设置（如演示环境标记）。</summary>
public sealed class AppSetting
{
    public const string DemoOrganization = "demo.organization";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
