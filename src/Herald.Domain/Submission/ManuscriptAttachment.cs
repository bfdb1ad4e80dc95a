namespace Herald.Domain.Submission;

/// <summary>稿件附件。文件本身在内容寻址的文件库中，按 SHA-256 引用。</summary>
public sealed class ManuscriptAttachment
{
    private ManuscriptAttachment() { FileHash = ""; FileName = ""; ContentType = ""; }

    public long Id { get; private set; }
    public long ManuscriptId { get; private set; }
    public AttachmentKind Kind { get; private set; }
    public string FileHash { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string? Caption { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int SortOrder { get; private set; }

    internal static ManuscriptAttachment Create(AttachmentKind kind, StoredFileRef file, string? caption, int sortOrder) => new()
    {
        Kind = kind,
        FileHash = file.Hash,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Size = file.Size,
        Width = file.Width,
        Height = file.Height,
        Caption = caption,
        SortOrder = sortOrder,
    };

    internal void SetCaption(string? caption) => Caption = caption;

    internal void SetSortOrder(int sortOrder) => SortOrder = sortOrder;
}

/// <summary>已存入文件库的文件。</summary>
public sealed record StoredFileRef(string Hash, string FileName, string ContentType, long Size, int? Width = null, int? Height = null);
