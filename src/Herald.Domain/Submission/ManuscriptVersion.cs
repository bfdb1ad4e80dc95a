namespace Herald.Domain.Submission;

/// <summary>每次报送（含退回后重新报送）或审改保存的版本快照，供比对。AuthorId 为产生这一版的人（审改时为审核人）。</summary>
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
    /// <summary>这一版是审核人审改产生的（不是作者报送的）。列加在表末（迁移 0015），声明也放在最后。</summary>
    public bool ReviewEdit { get; private set; }

    internal static ManuscriptVersion Snapshot(Manuscript m, int number, DateTime nowUtc) =>
        Snapshot(m, number, m.AuthorId, reviewEdit: false, nowUtc);

    internal static ManuscriptVersion Snapshot(Manuscript m, int number, long authorId, bool reviewEdit, DateTime nowUtc) => new()
    {
        Number = number,
        Title = m.Title,
        BodyHtml = m.BodyHtml,
        BodyText = m.BodyText,
        PhotoCaptions = string.Join('\n', m.Photos.Select(p => p.Caption ?? "")),
        AuthorId = authorId,
        ReviewEdit = reviewEdit,
        CreatedAt = nowUtc,
    };
}
