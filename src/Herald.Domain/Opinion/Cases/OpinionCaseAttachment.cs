using Herald.Domain.Submission;

namespace Herald.Domain.Opinion.Cases;

/// <summary>回应或处置的附件（截图、照片、PDF）。文件本身在内容寻址的文件库中，按 SHA-256 引用。</summary>
public sealed class OpinionCaseAttachment
{
    public const int MaxPerEntry = 9;

    private OpinionCaseAttachment() { FileHash = ""; FileName = ""; ContentType = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long? ResponseId { get; private set; }
    public long? DisposalId { get; private set; }
    public string FileHash { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int SortOrder { get; private set; }

    internal static OpinionCaseAttachment Create(long caseId, StoredFileRef file, int sortOrder) => new()
    {
        CaseId = caseId,
        FileHash = file.Hash,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Size = file.Size,
        Width = file.Width,
        Height = file.Height,
        SortOrder = sortOrder,
    };
}
