using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情列表导出的列：等级、状态、倾向、时限用中文名称，北京时间。</summary>
public static class CaseExport
{
    public static ExportColumns<CaseListItem> Columns(Messages t) => new ExportColumns<CaseListItem>()
        .Number(t["Export.Id"], c => c.Id, 8)
        .Text(t["Field.Title"], c => c.Title, 40)
        .Text(t["Field.Category"], c => c.Category, 12)
        .Text(t["Field.Severity"], c => $"{c.Level} {t["OpinionSeverity." + c.Severity]}", 14)
        .Text(t["Field.Sentiment"], c => t["OpinionSentiment." + c.Sentiment], 8)
        .Text(t["Field.Status"], c => t["OpinionStatus." + c.Status], 10)
        .Text(t["OpinionCase.ResponsibleUnit"], c => c.UnitName ?? t["OpinionCase.NotAssignedYet"], 20)
        .Text(t["OpinionCase.FromSuperiorTag"], c => c.FromSuperior ? t["Common.Yes"] : "", 10)
        .Time(t["OpinionCase.OpenedAt"], c => c.OpenedAt)
        .Time(t["OpinionCase.ClosedAt"], c => c.ClosedAt)
        .Text(t["CaseExport.NextClock"], c => c.NextClock is { } clock ? t["OpinionDeadline." + clock.Kind] : "", 16)
        .Time(t["CaseExport.NextDue"], c => c.NextClock?.DueAt)
        .Text(t["CaseExport.Overdue"], c => c.Overdue ? t["Common.Yes"] : "", 8);
}
