using System.Globalization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>
/// 宣传办修改草稿的文字：发文机关、成文日期、开头、工作要求、表扬单位和信息员的名额。
/// 打开后别人已改过（revision 不符）的拒绝并提示刷新；已发布的不能再改（领域规则）。
/// </summary>
public sealed class EditBulletin(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task<Bulletin> HandleAsync(long id, EditBulletinRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw AppException.NotFound();
        BulletinAccess.RequireManage(me, bulletin);

        var errors = new List<FieldError>();
        DateOnly issueDate = default;
        try
        {
            issueDate = Wire.RequiredDate(request.IssueDate, "issueDate");
        }
        catch (AppException ex)
        {
            errors.Add(new FieldError("issueDate", ex.Code));
        }
        if (request.PraiseUnitCount is null) errors.Add(new FieldError("praiseUnitCount", "Required"));
        if (request.PraiseCorrespondentCount is null) errors.Add(new FieldError("praiseCorrespondentCount", "Required"));
        if (request.Revision is null) errors.Add(new FieldError("revision", "Required"));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (request.Revision != bulletin.Revision) throw AppException.Conflict("Bulletin.Stale");

        bulletin.Edit(request.IssuingOffice ?? "", issueDate, request.Opening, request.Requirements, request.PraiseUnitCount!.Value,
            request.PraiseCorrespondentCount!.Value);
        audit.Add("bulletin.edit", "Bulletin", bulletin.Id, bulletin.Title + " v" + bulletin.Version.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return bulletin;
    }

    /// <summary>页面表单的文字转为请求；数字格式错的一并报出。</summary>
    public static EditBulletinRequest FromForm(BulletinEditForm form)
    {
        var errors = new List<FieldError>();
        int? Number(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(new FieldError(field, "Form.NotANumber"));
            return null;
        }
        var request = new EditBulletinRequest(form.IssuingOffice, form.IssueDate, form.Opening, form.Requirements,
            Number(form.PraiseUnitCount, "praiseUnitCount"), Number(form.PraiseCorrespondentCount, "praiseCorrespondentCount"),
            Number(form.Revision, "revision"));
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return request;
    }
}
