namespace Herald.Domain.Submission;

public enum AttachmentKind
{
    /// <summary>图片（JPEG/PNG），必须有图片说明</summary>
    Photo = 0,
    /// <summary>Word 原件（.docx）</summary>
    Document = 1,
}
