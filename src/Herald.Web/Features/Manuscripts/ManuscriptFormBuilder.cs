using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Features.Categories;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>组装报送表单：新建（带默认值）、修改（取已保存内容）、出错或上传后重显（以用户刚填写的为准）。</summary>
public sealed class ManuscriptFormBuilder(CurrentUser current, GetManuscript views, Clock clock, Messages messages,
    CategoryLookup categoryLookup)
{
    public async Task<ManuscriptFormModel> NewAsync(long? followUpOf, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        if (me.SubmitUnits.Count == 0) throw AppException.Forbidden("Manuscript.NoSubmitUnit");
        var model = new ManuscriptFormModel
        {
            SubmissionKey = Guid.NewGuid().ToString("N"),
            EventDate = ChinaTime.DateOf(clock.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            UnitId = me.SubmitUnits[0],
        };
        if (followUpOf is { } originalId)
        {
            var original = await views.HandleAsync(originalId, ct);
            if (!original.Permissions.CanFollowUp) throw AppException.Conflict("Manuscript.FollowUpNeedsEmergency");
            model.FollowUpOf = originalId;
            model.FollowUpOfTitle = original.Detail.Title;
            model.Title = original.Detail.Title + "（续报）";
            model.Category = original.Detail.CategoryId.ToString(CultureInfo.InvariantCulture);
            model.Importance = original.Detail.Importance.Code();
            model.Emergency = true;
            model.UnitId = original.Detail.UnitId;
        }
        // 类别不预选：必须由作者选择（默认选第一项时，不选的稿件都成了"经济发展"）。
        await FillOptionsAsync(model, me, ct);
        model.ProvisionalName = StandardName.For(me.Tree.Find(model.UnitId!.Value)?.Name ?? "", ChinaTime.DateOf(clock.UtcNow));
        return model;
    }

    /// <param name="requireEditable">重显用户刚提交的内容时为 false：即使稿件已被他处提交，也要把用户的内容还给他。</param>
    public async Task<ManuscriptFormModel> EditAsync(long id, CancellationToken ct = default, bool requireEditable = true)
    {
        var me = await current.GetAsync(ct);
        var view = await views.HandleAsync(id, ct);
        if (view.Detail.AuthorId != me.Id) throw AppException.Forbidden("Manuscript.NotAuthor");
        if (requireEditable && !view.Permissions.CanEdit)
            throw AppException.Conflict("Manuscript.NotEditable", view.Detail.Status);
        var d = view.Detail;
        var model = new ManuscriptFormModel
        {
            Id = d.Id,
            Revision = d.Revision,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            ProvisionalName = d.Name,
            IsReturned = d.Status == ManuscriptStatus.Returned,
            ReturnReason = d.History.LastOrDefault(h => h.Action == ManuscriptEventAction.Returned)?.Comment,
            FollowUpOf = d.FollowUpOf,
            Title = d.Title,
            BodyHtml = d.BodyHtml,
            Category = d.CategoryId.ToString(CultureInfo.InvariantCulture),
            Importance = d.Importance.Code(),
            EventDate = d.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Emergency = d.Emergency,
            KnownAt = d.KnownAt is { } k ? ChinaTime.ToChina(k).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
            UnitId = d.UnitId,
            DocumentName = d.Document?.FileName,
            DocumentUrl = d.Document?.Url,
        };
        model.Photos.AddRange(d.Photos.Select(p => new FormPhoto(p.Id, null, p.Url, p.Caption, false, "")));
        await FillOptionsAsync(model, me, ct);
        return model;
    }

    /// <summary>以用户提交的内容和已暂存的文件重建表单，并附上错误说明。</summary>
    public async Task<ManuscriptFormModel> FromInputAsync(long? id, ManuscriptInput input, StagedState state,
        IReadOnlyList<FieldError> errors, CancellationToken ct = default)
    {
        var model = id is { } existing ? await EditAsync(existing, ct, requireEditable: false) : await NewAsync(input.FollowUpOf, ct);
        model.SubmissionKey = string.IsNullOrWhiteSpace(input.SubmissionKey) ? model.SubmissionKey : input.SubmissionKey;
        model.Revision = input.Revision ?? model.Revision;
        model.Title = input.Title ?? "";
        if (string.IsNullOrWhiteSpace(model.Title) && state.ImportedTitle is { } importedTitle) model.Title = importedTitle;
        model.BodyHtml = state.ImportedBody?.Html
                         ?? (!string.IsNullOrWhiteSpace(input.BodyHtml) ? BodyHtml.Sanitize(input.BodyHtml).Html : BodyHtml.FromPlainText(input.Body).Html);
        model.Category = input.Category ?? model.Category;
        model.Importance = input.Importance ?? model.Importance;
        model.EventDate = input.EventDate ?? "";
        model.Emergency = input.Emergency;
        model.KnownAt = input.KnownAt;
        model.UnitId = input.UnitId ?? model.UnitId;

        // 已保存的图片：以表单上的说明和删除勾选为准。
        var existingPhotos = model.Photos.ToList();
        model.Photos.Clear();
        foreach (var photo in existingPhotos)
        {
            var index = input.PhotoIds.IndexOf(photo.AttachmentId!.Value);
            var caption = index >= 0 && index < input.PhotoCaptions.Count ? input.PhotoCaptions[index] : photo.Caption;
            model.Photos.Add(photo with { Caption = caption, Removed = input.RemovePhotoIds.Contains(photo.AttachmentId.Value) });
        }
        model.Photos.AddRange(state.Photos.Select(s => new FormPhoto(null, s.Id, $"/uploads/{s.Id}", s.Caption, false, s.FileName)));
        model.SkippedImages = state.SkippedImages;
        if (state.Document is { } doc)
        {
            model.StagedDocumentId = doc.Id;
            model.DocumentName = doc.FileName;
            model.DocumentUrl = $"/uploads/{doc.Id}";
        }
        foreach (var error in errors)
        {
            var field = string.IsNullOrEmpty(error.Field) ? "" : char.ToLowerInvariant(error.Field[0]) + error.Field[1..];
            if (!model.Errors.TryGetValue(field, out var list)) model.Errors[field] = list = new();
            var text = messages.Error(error.Code, error.Args);
            list.Add(text);
            var named = messages.WithField(field, text);
            if (!model.Summary.Contains(named)) model.Summary.Add(named);
        }
        return model;
    }

    private async Task FillOptionsAsync(ManuscriptFormModel model, UserContext me, CancellationToken ct)
    {
        foreach (var unitId in me.SubmitUnits)
            model.Units.Add(new FormOption(unitId.ToString(CultureInfo.InvariantCulture), me.Tree.PathName(unitId)));
        var categories = await categoryLookup.ListAsync(includeDisabled: false, ct);
        model.Categories.AddRange(categories.Select(c => new FormOption(c.Id.ToString(CultureInfo.InvariantCulture), c.Name)));
    }
}
