namespace Herald.Web.Infrastructure.Data;

/// <summary>系统级键值设置（如演示环境标记）。</summary>
public sealed class AppSetting
{
    public const string DemoOrganization = "demo.organization";
    /// <summary>审计哈希链已开始（旧记录已补链）的时间；有了它，没有哈希的记录就算断裂。</summary>
    public const string AuditChainStarted = "audit.chain.started";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
