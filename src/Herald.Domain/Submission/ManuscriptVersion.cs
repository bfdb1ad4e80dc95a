namespace Herald.Domain.Submission;

/// <summary>每次报送（含退回后重新报送）保存的版本快照，供审核人比对。</summary>
public sealed class ManuscriptVersion
{
    private ManuscriptVersion() { Title = ""; BodyHtml = ""; BodyText = ""; PhotoCaptions = ""; }

    public long Id { get; private set; }
    public long ManuscriptId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; }
    public string BodyHtml { get; private set; }
    public string BodyText { get; private set; }
    /// <summary>图片说明，每行一条（图片变化也进入比对）。</summary>
    public string PhotoCaptions { get; private set; }
    public long AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    internal static ManuscriptVersion Snapshot(Manuscript m, int number, DateTime nowUtc) => new()
    {
        Number = number,
        Title = m.Title,
        BodyHtml = m.BodyHtml,
        BodyText = m.BodyText,
        PhotoCaptions = string.Join('\n', m.Photos.Select(p => p.Caption ?? "")),
        AuthorId = m.AuthorId,
        CreatedAt = nowUtc,
    };
}
