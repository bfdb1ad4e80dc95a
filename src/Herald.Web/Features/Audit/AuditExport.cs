using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Audit;

/// <summary>审计日志导出的列（中文表头、操作和说明用中文、北京时间），与页面的列相同。</summary>
public static class AuditExport
{
    public static ExportColumns<AuditItem> Columns(Messages t) => new ExportColumns<AuditItem>()
        .Time(t["Audit.At"], a => a.At)
        .Text(t["Audit.Person"], a => a.UserDisplayName ?? a.UserName, 12)
        .Text(t["Field.UserName"], a => a.UserName, 14)
        .Text(t["Audit.Action"], a => a.ActionName, 16)
        .Text(t["Audit.Object"], a => ObjectText(t, a), 36)
        .Text(t["Audit.Detail"], a => a.DetailText, 60)
        .Text(t["Audit.Ip"], a => a.IpAddress, 16);

    /// <summary>"账号 李文静"、"单位 示例街道 / 党政办公室"；稿件、舆情等内容对象和没有名称的只给编号："稿件 第 12 号"。</summary>
    public static string ObjectText(Messages t, AuditItem a)
    {
        if (a.EntityType is null) return "";
        var type = t.L["Audit.Entity." + a.EntityType] is { ResourceNotFound: false } label ? label.Value : t["Audit.Entity.Other"];
        if (!string.IsNullOrEmpty(a.EntityName)) return $"{type} {a.EntityName}";
        return a.EntityId is { } id ? $"{type} {string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Audit.EntityNumber"], id)}" : type;
    }
}
