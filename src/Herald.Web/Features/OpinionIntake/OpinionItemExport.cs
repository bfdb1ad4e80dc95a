using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>舆情信息导出的列：来源类型用中文名称，北京时间；正文只导出摘要（原文在详情页）。</summary>
public static class OpinionItemExport
{
    public static ExportColumns<OpinionListItem> Columns(Messages t) => new ExportColumns<OpinionListItem>()
        .Number(t["Export.Id"], i => i.Id, 8)
        .Text(t["Field.Title"], i => i.Title, 40)
        .Text(t["Field.Platform"], i => i.Platform, 12)
        .Text(t["OpinionItems.Kind"], i => t["OpinionKind." + i.Kind], 10)
        .Text(t["Field.Source"], i => i.Source, 16)
        .Text(t["Field.Unit"], i => i.Unit, 16)
        .Time(t["OpinionItems.ReceivedAt"], i => i.ReceivedAt)
        .Time(t["OpinionItems.PublishedAt"], i => i.PublishedAt)
        .Number(t["OpinionItems.HitCount"], i => i.HitCount, 8)
        .Number(t["OpinionItems.HitWeight"], i => i.HitWeight, 8)
        .Number(t["OpinionItems.DuplicateCount"], i => i.DuplicateCount, 10)
        .Text(t["Field.Url"], i => i.Url, 30)
        .Text(t["OpinionItems.Snippet"], i => i.Snippet, 60);
}
