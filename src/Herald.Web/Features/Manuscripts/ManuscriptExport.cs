using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Manuscripts;

/// <summary>稿件列表导出的列（中文表头、状态等用中文名称、北京时间）。采编池用同样的列。</summary>
public static class ManuscriptExport
{
    public static ExportColumns<ManuscriptListItem> Columns(Messages t) => new ExportColumns<ManuscriptListItem>()
        .Number(t["Export.Id"], m => m.Id, 8)
        .Text(t["Field.Title"], m => m.Title, 48)
        .Text(t["Export.StandardName"], m => m.Name, 36)
        .Text(t["Field.Unit"], m => m.UnitName, 24)
        .Text(t["Field.Author"], m => m.AuthorName, 10)
        .Text(t["Field.Category"], m => m.CategoryName, 12)
        .Text(t["Field.Status"], m => m.CurrentStepRole is { } role && m.Status == Domain.Submission.ManuscriptStatus.InReview
            ? $"{t.Status(m.Status)}（{string.Format(t["List.AwaitingRole"], t.Role(role))}）"
            : t.Status(m.Status), 20)
        .Text(t["Field.Importance"], m => t.Importance(m.Importance), 10)
        .Text(t["Export.Emergency"], m => m.Emergency ? t["Common.Yes"] : "", 8)
        .Text(t["Export.Late"], m => m.Late ? t["Common.Yes"] : "", 8)
        .Date(t["Field.EventDate"], m => m.EventDate)
        .Time(t["Field.SubmittedAt"], m => m.SubmittedAt)
        .Time(t["Export.UpdatedAt"], m => m.UpdatedAt);
}
