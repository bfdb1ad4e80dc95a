namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 已上传、尚未挂到稿件上的文件。表单校验失败重新显示时，已上传的图片和 Word 原件不丢失；
/// 提交时只能引用本人暂存的文件。
/// </summary>
public sealed class StagedUpload
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Hash { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>0 图片，1 Word 原件。</summary>
    public int Kind { get; set; }
    public string? Caption { get; set; }
    public DateTime CreatedAt { get; set; }
}
