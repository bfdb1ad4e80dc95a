using Herald.Web.Features.Manuscripts;
using Herald.Domain.Publishing;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Publishing;

/// <summary>用稿登记导出的列：类型、级别、状态用中文名称，日期与时间为北京时间。</summary>
public static class AdoptionExport
{
    public static ExportColumns<AdoptionDto> Columns(Messages t) => new ExportColumns<AdoptionDto>()
        .Number(t["Export.Id"], a => a.Id, 8)
        .Number(t["Export.ManuscriptId"], a => a.ManuscriptId, 10)
        .Text(t["Export.ManuscriptTitle"], a => a.ManuscriptTitle, 40)
        .Text(t["Field.Unit"], a => a.UnitName, 22)
        .Text(t["Adoptions.Kind"], a => a.GovInfo ? t["Adoption.GovInfo"] : t["AdoptionKind." + a.Kind], 12)
        .Text(t["Export.Source"], a => a.SourceName, 24)
        .Text(t["Adoptions.Level"], a => t["MediaLevel." + a.Level], 10)
        .Text(t["Field.OutletType"], a => a.OutletType is { } type ? t["OutletType." + type] : "", 12)
        .Text(t["Adoption.FrontPage"], a => a.FrontPage ? t["Common.Yes"] : "", 10)
        .Date(t["Field.AdoptedOn"], a => a.AdoptedOn)
        .Text(t["Field.Column"], a => a.Column, 16)
        .Text(t["Field.Url"], a => a.Url, 30)
        .Text(t["Field.Status"], a => t["AdoptionStatus." + a.Status], 10)
        .Text(t["Export.ClaimedBy"], a => a.ClaimedBy, 10)
        .Time(t["Export.ClaimedAt"], a => a.ClaimedAt)
        .Text(t["Export.VerifiedBy"], a => a.Status == AdoptionStatus.Verified ? a.VerifiedBy : "", 10)
        .Time(t["Export.VerifiedAt"], a => a.Status == AdoptionStatus.Verified ? a.VerifiedAt : null)
        .Text(t["Field.Reason"], a => a.RefuseReason, 24);
}
