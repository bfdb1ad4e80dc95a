using System.Globalization;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Documents;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 报送表单的上传处理（保存与"刷新表单"共用）：暂存图片与 Word 原件，新上传的原件解析校验，
/// 正文为空或要求重新导入时用原件填充正文、标题和图片。
/// </summary>
public sealed class ManuscriptStager(HeraldDbContext db, UploadStaging staging, DocxImporter importer)
{
    /// <summary>先把本次上传的文件全部暂存；Word 原件在此校验并按需导入正文。文件错误记入 errors，不中断。</summary>
    public async Task<StagedState> StageAsync(long userId, ManuscriptInput input, List<FieldError> errors, CancellationToken ct)
    {
        var photos = new List<StagedUpload>();
        AppException? tooLarge = null;
        try
        {
            var staged = await staging.LoadAsync(userId, input.StagedPhotoIds, ct);
            for (var i = 0; i < staged.Count; i++)
            {
                if (input.RemoveStagedIds.Contains(staged[i].Id))
                {
                    db.StagedUploads.Remove(staged[i]);
                    continue;
                }
                staged[i].Caption = Caption(input.StagedCaptions, i);
                photos.Add(staged[i]);
            }
            // Nothing loaded (the API's submissions), nothing to save.
            if (staged.Count > 0) await db.SaveChangesAsync(ct);
        }
        catch (AppException ex)
        {
            errors.Add(new FieldError("photos", ex.Code, ex.Args));
        }

        for (var i = 0; i < input.Photos.Count; i++)
        {
            try
            {
                photos.Add(await staging.StagePhotoAsync(userId, input.Photos[i], Caption(input.Captions, i), ct));
            }
            catch (AppException ex)
            {
                errors.Add(new FieldError("photos", ex.Code, ex.Args));
                if (ex.Kind == ProblemKind.TooLarge) tooLarge ??= ex;
            }
        }

        StagedUpload? document = null;
        var documentPhotos = new List<StagedUpload>();
        string? importedTitle = null;
        SanitizedBody? importedBody = null;
        var skippedImages = 0;
        try
        {
            byte[]? bytes = null;
            if (input.Document is { } file)
            {
                (document, bytes) = await staging.StageDocumentAsync(userId, file, ct);
            }
            else if (input.StagedDocumentId is { } stagedId)
            {
                document = (await staging.LoadAsync(userId, [stagedId], ct))[0];
                if (input.ImportDocument) bytes = await staging.ReadAsync(document, ct);
            }

            if (bytes is not null && document is not null)
            {
                // 新上传的原件一律解析一遍：既是校验（伪装成 .docx 的文件、压缩炸弹），也用于填充正文。
                var imported = importer.Import(bytes, document.FileName);
                var bodyEmpty = string.IsNullOrWhiteSpace(input.Body) && string.IsNullOrWhiteSpace(StripTags(input.BodyHtml));
                if (bodyEmpty || input.ImportDocument)
                {
                    importedTitle = imported.Title;
                    importedBody = imported.Body;
                    skippedImages = imported.SkippedImages;
                    var n = 0;
                    foreach (var image in imported.Images)
                    {
                        n++;
                        var ext = image.ContentType == "image/png" ? ".png" : ".jpg";
                        // 调用者给的说明优先；没给的用文档里的（替代文字或图注）。
                        var caption = Caption(input.DocumentCaptions, n - 1) ?? image.Caption;
                        var photo = await staging.StagePhotoAsync(userId, image.Content, image.ContentType,
                            string.Create(CultureInfo.InvariantCulture, $"word-{n}{ext}"), caption, image.Width, image.Height, ct);
                        photos.Add(photo);
                        documentPhotos.Add(photo);
                    }
                }
            }
        }
        catch (AppException ex)
        {
            if (document is not null && input.Document is not null)
            {
                db.StagedUploads.Remove(document);
                await db.SaveChangesAsync(ct);
                document = null;
            }
            errors.Add(new FieldError("document", ex.Code, ex.Args));
            if (ex.Kind == ProblemKind.TooLarge) tooLarge ??= ex;
        }
        CheckDocumentCaptionCount(input, documentPhotos.Count, errors);
        return new StagedState(document, photos, importedTitle, importedBody, skippedImages, tooLarge, documentPhotos);
    }

    /// <summary>documentCaptions 多于导入的图片（或这次根本没有导入 Word 原件）是调用者数错了，不能悄悄丢掉。</summary>
    private static void CheckDocumentCaptionCount(ManuscriptInput input, int imported, List<FieldError> errors)
    {
        var given = input.DocumentCaptions.FindLastIndex(c => !string.IsNullOrWhiteSpace(c)) + 1;
        if (given <= imported) return;
        errors.Add(imported == 0
            ? new FieldError("documentCaptions", "Manuscript.DocumentCaptionsUnused")
            : new FieldError("documentCaptions", "Manuscript.TooManyDocumentCaptions", given, imported));
    }

    private static string? Caption(IReadOnlyList<string?> captions, int index) =>
        index < captions.Count && !string.IsNullOrWhiteSpace(captions[index]) ? captions[index]!.Trim() : null;

    private static string StripTags(string? html) =>
        string.IsNullOrEmpty(html) ? "" : BodyHtml.Sanitize(html).Text;
}
