using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Review;

namespace Herald.Domain.Submission;

public sealed partial class Manuscript
{
    /// <summary>
    /// 审改：当前这一级的审核人（与能审核这一级的是同一些人）直接修改标题和正文。产生一个署审核人名字的新版本，
    /// 作者不变，审核仍停在这一级（审改不等于审核通过）。图片、Word 原件不在审改范围内。
    /// bodyHtml 已由宿主按白名单净化，bodyText 为其纯文本。expectedRevision 与当前不符说明稿件已变，拒绝覆盖。
    /// </summary>
    public void EditInReview(long actorId, int expectedRevision, string? title, string bodyHtml, string bodyText,
        Func<Role, ReviewerResolution> reviewers, DateTime nowUtc)
    {
        var role = EnsureReviewableBy(actorId, reviewers, null);
        if (expectedRevision != Revision)
            throw new DomainException("Review.StaleEdit");
        var cleanTitle = Guard.Line(title, "Title", TitleMaxLength);
        var cleanText = bodyText.Trim();
        if (cleanText.Length == 0)
            throw new DomainValidationException("Body", "Required");
        if (cleanText.Length > BodyMaxLength || bodyHtml.Length > BodyMaxLength * 4)
            throw new DomainValidationException("Body", "TooLong", BodyMaxLength);
        // 段落之间的换行可以有；其他控制字符（NUL、响铃等）会破坏导出的 Word 与检索。
        if (cleanText.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new DomainValidationException("Body", "Text.ControlCharacters");
        if (cleanTitle == Title && bodyHtml == BodyHtml)
            throw new DomainValidationException("Body", "Review.EditUnchanged");

        Title = cleanTitle;
        BodyHtml = bodyHtml;
        BodyText = cleanText;
        VersionNumber++;
        _versions.Add(ManuscriptVersion.Snapshot(this, VersionNumber, actorId, reviewEdit: true, nowUtc));
        Record(nowUtc, actorId, ManuscriptEventAction.ReviewEdited, Status, CurrentStep, role);
        Touch(nowUtc);
    }

    /// <summary>此人现在能否审改（即能否审核当前这一级）。</summary>
    public bool CanBeEditedInReviewBy(long userId, Func<Role, ReviewerResolution> reviewers) => IsAwaiting(userId, reviewers);
}
