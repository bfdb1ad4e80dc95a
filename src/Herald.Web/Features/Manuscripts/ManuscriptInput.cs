using System.Globalization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 报送表单与 API（multipart）共用的输入。字段名：title, body（纯文本）, bodyHtml, category（编号或名称）,
/// importance（routine|important|major）, eventDate（yyyy-MM-dd）, emergency, knownAt, unitId, followUpOf,
/// document（.docx）, photos + captions（按顺序对应）, documentCaptions（Word 原件中的图片说明，按文档中的顺序）,
/// 以及页面用的暂存与已有图片字段。
/// </summary>
public sealed class ManuscriptInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? BodyHtml { get; set; }
    public string? Category { get; set; }
    public string? Importance { get; set; }
    public string? EventDate { get; set; }
    public bool Emergency { get; set; }
    public string? KnownAt { get; set; }
    public long? UnitId { get; set; }
    public long? FollowUpOf { get; set; }
    public IFormFile? Document { get; set; }
    public List<IFormFile> Photos { get; } = new();
    public List<string?> Captions { get; } = new();
    /// <summary>Word 原件中各图片的说明，按文档中的顺序（只数能导入的 JPEG/PNG）；非空时代替文档里的说明。</summary>
    public List<string?> DocumentCaptions { get; } = new();
    public long? StagedDocumentId { get; set; }
    public List<long> StagedPhotoIds { get; } = new();
    public List<string?> StagedCaptions { get; } = new();
    public List<long> PhotoIds { get; } = new();
    public List<string?> PhotoCaptions { get; } = new();
    public HashSet<long> RemovePhotoIds { get; } = new();
    public HashSet<long> RemoveStagedIds { get; } = new();
    public int? Revision { get; set; }
    public string? SubmissionKey { get; set; }
    public bool Submit { get; set; }
    /// <summary>用已上传的 Word 原件重新生成正文。</summary>
    public bool ImportDocument { get; set; }

    public static async Task<ManuscriptInput> ReadAsync(HttpRequest request, bool submitByDefault, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw AppException.Invalid("", "Form.Expected");
        var form = await request.ReadFormAsync(ct);
        var input = new ManuscriptInput
        {
            Title = Value(form, "title"),
            Body = Value(form, "body"),
            BodyHtml = Value(form, "bodyHtml"),
            Category = Value(form, "category"),
            Importance = Value(form, "importance"),
            EventDate = Value(form, "eventDate"),
            Emergency = Flag(Value(form, "emergency")),
            KnownAt = Value(form, "knownAt"),
            UnitId = Long(Value(form, "unitId"), "unitId"),
            FollowUpOf = Long(Value(form, "followUpOf"), "followUpOf"),
            StagedDocumentId = Long(Value(form, "stagedDocument"), "stagedDocument"),
            Revision = (int?)Long(Value(form, "revision"), "revision"),
            SubmissionKey = Value(form, "submissionKey") ?? request.Headers["Idempotency-Key"].FirstOrDefault(),
            ImportDocument = Flag(Value(form, "importDocument")),
        };
        var action = Value(form, "action");
        var draft = Flag(Value(form, "draft"));
        input.Submit = action switch
        {
            "submit" => true,
            "save" => false,
            _ => submitByDefault && !draft,
        };

        input.Document = form.Files.GetFile("document") is { Length: > 0 } doc ? doc : null;
        input.Photos.AddRange(form.Files.GetFiles("photos").Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)));
        input.Captions.AddRange(form["captions"].Select(c => c));
        input.DocumentCaptions.AddRange(form["documentCaptions"].Select(c => c));
        input.StagedPhotoIds.AddRange(form["stagedPhotos"].Select(v => Long(v, "stagedPhotos")!.Value));
        input.StagedCaptions.AddRange(form["stagedCaptions"].Select(c => c));
        input.PhotoIds.AddRange(form["photoIds"].Select(v => Long(v, "photoIds")!.Value));
        input.PhotoCaptions.AddRange(form["photoCaptions"].Select(c => c));
        foreach (var v in form["removePhotos"]) input.RemovePhotoIds.Add(Long(v, "removePhotos")!.Value);
        foreach (var v in form["removeStaged"]) input.RemoveStagedIds.Add(Long(v, "removeStaged")!.Value);
        return input;
    }

    private static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static bool Flag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "on" or "1" or "是");

    private static long? Long(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw AppException.Invalid(field, "Form.NotANumber");
    }
}
