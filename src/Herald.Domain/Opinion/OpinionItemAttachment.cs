using Herald.Domain.Submission;

namespace Herald.Domain.Opinion;

/// <summary>舆情信息的截图。文件本身在内容寻址的文件库中，按 SHA-256 引用。</summary>
public sealed class OpinionItemAttachment
{
    private OpinionItemAttachment() { FileHash = ""; FileName = ""; ContentType = ""; }

    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public string FileHash { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int SortOrder { get; private set; }

    internal static OpinionItemAttachment Create(StoredFileRef file, int sortOrder) => new()
    {
        FileHash = file.Hash,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Size = file.Size,
        Width = file.Width,
        Height = file.Height,
        SortOrder = sortOrder,
    };
}
