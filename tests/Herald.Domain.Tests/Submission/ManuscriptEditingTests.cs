using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

public class ManuscriptEditingTests
{
    private readonly TestDesk _desk = new();

    [Fact]
    public void Edit_DraftByAuthorWithCurrentRevision_AppliesContentAndBumpsRevision()
    {
        var m = _desk.Draft();
        var revision = m.Revision;
        var at = TestClock.Now.AddMinutes(5);

        m.Edit(TestOrg.Author, revision,
            TestDesk.Content(title: "  新标题  ", importance: Importance.Major, body: " 新正文 ", categoryId: 7), at);

        m.Title.ShouldBe("新标题");
        m.BodyText.ShouldBe("新正文");
        m.CategoryId.ShouldBe(7);
        m.Importance.ShouldBe(Importance.Major);
        m.Revision.ShouldBe(revision + 1);
        m.UpdatedAt.ShouldBe(at);
        m.Status.ShouldBe(ManuscriptStatus.Draft);
    }

    [Fact]
    public void Edit_Returned_Allowed()
    {
        var m = _desk.InStatus(ManuscriptStatus.Returned);

        m.Edit(TestOrg.Author, m.Revision, TestDesk.Content(title: "退回后修改"), TestClock.Now);

        m.Title.ShouldBe("退回后修改");
        m.Status.ShouldBe(ManuscriptStatus.Returned);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Edit_StaleRevision_ThrowsStaleEditAndKeepsContent(int offset)
    {
        var m = _desk.Draft();
        var title = m.Title;
        var revision = m.Revision;

        Expect.Conflict(() => m.Edit(TestOrg.Author, revision + offset, TestDesk.Content(title: "覆盖"), TestClock.Now),
            "Manuscript.StaleEdit");

        m.Title.ShouldBe(title);
        m.Revision.ShouldBe(revision);
    }

    [Fact]
    public void Edit_SecondEditorWithRevisionFromBeforeFirstEdit_ThrowsStaleEdit()
    {
        var m = _desk.Draft();
        var seen = m.Revision;
        m.Edit(TestOrg.Author, seen, TestDesk.Content(title: "第一次修改"), TestClock.Now);

        Expect.Conflict(() => m.Edit(TestOrg.Author, seen, TestDesk.Content(title: "第二次修改"), TestClock.Now),
            "Manuscript.StaleEdit");

        m.Title.ShouldBe("第一次修改");
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    public void Edit_ByNonAuthor_ThrowsNotAuthor(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Forbidden(() => m.Edit(TestOrg.OfficeHead, m.Revision, TestDesk.Content(title: "审核人改稿"), TestClock.Now),
            "Manuscript.NotAuthor");

        m.Title.ShouldNotBe("审核人改稿");
    }

    [Theory]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void Edit_InNonEditableStatus_ThrowsNotEditable(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);
        var revision = m.Revision;

        var ex = Expect.Conflict(() => m.Edit(TestOrg.Author, revision, TestDesk.Content(title: "改"), TestClock.Now),
            "Manuscript.NotEditable");

        ex.Args.ShouldBe([status]);
        m.Revision.ShouldBe(revision);
    }

    [Theory]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void AddPhoto_InNonEditableStatus_ThrowsNotEditable(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Conflict(() => m.AddPhoto(TestOrg.Author, TestDesk.Photo(), "说明", TestClock.Now), "Manuscript.NotEditable");

        m.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void AddPhoto_ByNonAuthor_ThrowsNotAuthor()
    {
        var m = _desk.Draft();

        Expect.Forbidden(() => m.AddPhoto(TestOrg.OfficeHead, TestDesk.Photo(), "说明", TestClock.Now), "Manuscript.NotAuthor");
    }

    [Fact]
    public void AddPhoto_Several_OrderedAndCaptionsTrimmed()
    {
        var m = _desk.Draft();

        m.AddPhoto(TestOrg.Author, TestDesk.Photo("a.jpg"), " 第一张 ", TestClock.Now);
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("b.jpg"), "", TestClock.Now);

        var photos = m.Photos.ToList();
        photos.Count.ShouldBe(2);
        photos.Select(p => p.FileName).ShouldBe(["a.jpg", "b.jpg"]);
        photos.Select(p => p.SortOrder).ShouldBe([0, 1]);
        photos[0].Caption.ShouldBe("第一张");
        photos[1].Caption.ShouldBeNull();
        photos[0].Width.ShouldBe(800);
    }

    [Fact]
    public void AddPhoto_BeyondMaximum_ThrowsTooManyPhotos()
    {
        var m = _desk.Draft();
        for (var i = 0; i < Manuscript.MaxPhotos; i++)
            m.AddPhoto(TestOrg.Author, TestDesk.Photo($"{i}.jpg"), "说明", TestClock.Now);

        var ex = Expect.Validation(() => m.AddPhoto(TestOrg.Author, TestDesk.Photo(), "说明", TestClock.Now),
            "Manuscript.TooManyPhotos", "Photos");

        ex.Args.ShouldBe([Manuscript.MaxPhotos]);
        m.Photos.Count().ShouldBe(Manuscript.MaxPhotos);
    }

    [Fact]
    public void AddPhoto_CaptionTooLong_ThrowsTooLong()
    {
        var m = _desk.Draft();

        Expect.Validation(
            () => m.AddPhoto(TestOrg.Author, TestDesk.Photo(), new string('字', Manuscript.CaptionMaxLength + 1), TestClock.Now),
            "TooLong", "Captions");
    }

    [Fact]
    public void SetPhotoCaption_MissingCaptionFilled_SubmitSucceeds()
    {
        var m = _desk.Draft();
        m.AddPhoto(TestOrg.Author, TestDesk.Photo(), null, TestClock.Now);
        Expect.Validation(() => _desk.Submit(m), "Manuscript.PhotoCaptionRequired");

        m.SetPhotoCaption(TestOrg.Author, m.Photos.Single().Id, "会议现场", TestClock.Now);
        _desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
    }

    [Fact]
    public void SetPhotoCaption_UnknownAttachment_ThrowsPhotoNotFound()
    {
        var m = _desk.Draft();

        Expect.Validation(() => m.SetPhotoCaption(TestOrg.Author, 12345, "说明", TestClock.Now), "Manuscript.PhotoNotFound", "Photos");
    }

    [Fact]
    public void RemovePhoto_UncaptionedPhotoRemoved_SubmitSucceeds()
    {
        var m = _desk.Draft();
        m.AddPhoto(TestOrg.Author, TestDesk.Photo(), null, TestClock.Now);

        m.RemovePhoto(TestOrg.Author, m.Photos.Single().Id, TestClock.Now);
        _desk.Submit(m);

        m.Photos.ShouldBeEmpty();
        m.Status.ShouldBe(ManuscriptStatus.InReview);
    }

    [Fact]
    public void SetDocument_Twice_KeepsOnlyLatest()
    {
        var m = _desk.Draft();

        m.SetDocument(TestOrg.Author, new StoredFileRef("h1", "原稿.docx", "application/docx", 10), TestClock.Now);
        m.SetDocument(TestOrg.Author, new StoredFileRef("h2", "修改稿.docx", "application/docx", 20), TestClock.Now);

        m.Attachments.Count.ShouldBe(1);
        m.Document.ShouldNotBeNull().FileName.ShouldBe("修改稿.docx");
        m.Photos.ShouldBeEmpty();
    }
}
