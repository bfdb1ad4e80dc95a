using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>报送表单上的一张图片：已保存的（AttachmentId）或刚上传暂存的（StagedId）。</summary>
public sealed record FormPhoto(long? AttachmentId, long? StagedId, string Url, string? Caption, bool Removed, string FileName);

public sealed record FormOption(string Value, string Text);

/// <summary>报送/修改表单的全部状态：首次打开、出错重显、上传后刷新都用它渲染。</summary>
public sealed class ManuscriptFormModel : IPageModel<ManuscriptFormPage>
{
    public long? Id { get; set; }
    public int? Revision { get; set; }
    public string SubmissionKey { get; set; } = "";
    public long? FollowUpOf { get; set; }
    public string? FollowUpOfTitle { get; set; }
    public string ProvisionalName { get; set; } = "";
    public bool IsReturned { get; set; }
    public string? ReturnReason { get; set; }

    public string Title { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public string? Category { get; set; }
    public string Importance { get; set; } = "routine";
    public string EventDate { get; set; } = "";
    public bool Emergency { get; set; }
    public string? KnownAt { get; set; }
    public long? UnitId { get; set; }

    public List<FormPhoto> Photos { get; } = new();
    public long? StagedDocumentId { get; set; }
    public string? DocumentName { get; set; }
    public string? DocumentUrl { get; set; }

    public List<FormOption> Units { get; } = new();
    public List<FormOption> Categories { get; } = new();

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>表单顶部的错误摘要：每条带字段名（"标题：此项为必填项。"），字段旁的说明不带。</summary>
    public List<string> Summary { get; } = new();
    public string? Notice { get; set; }
    /// <summary>Word 原件中未能导入的图片数（如 EMF、GIF），提示用户另行上传。</summary>
    public int SkippedImages { get; set; }

    /// <summary>报送时自动检查发现的敏感词和不规范写法（作者可先修改；不改再点报送即照常报送）。</summary>
    public Writing.TextCheckResult? TextCheck { get; set; }
    public string? TextCheckTitle { get; set; }
    public string? TextCheckBody { get; set; }

    public bool HasError(string field) => Errors.ContainsKey(field);

    /// <summary>有图片缺说明（上传的图片报在 captions，Word 原件中的图片报在 documentCaptions[i]）。</summary>
    public bool HasCaptionError => Errors.Keys.Any(k => k == "captions" || k.StartsWith("documentCaptions", StringComparison.Ordinal));

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var list) ? list : [];
}
