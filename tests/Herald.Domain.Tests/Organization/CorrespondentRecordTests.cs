using Herald.Domain.Organization;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Organization;

public class CorrespondentRecordTests
{
    private static readonly DateOnly Appointed = new(2026, 3, 1);

    private static CorrespondentRecord NewRecord() =>
        CorrespondentRecord.Register(2, 100, "李文静", "138-0537-0101", "li@example.invalid", "干事", Appointed, TestClock.Now);

    [Fact]
    public void End_AfterAppointment_InactiveFromThatDay()
    {
        var record = NewRecord();

        record.End(new DateOnly(2026, 6, 30));

        record.IsActive(new DateOnly(2026, 6, 29)).ShouldBeTrue();
        record.IsActive(new DateOnly(2026, 6, 30)).ShouldBeFalse();
    }

    [Fact]
    public void End_Twice_Refused()
    {
        var record = NewRecord();
        record.End(new DateOnly(2026, 6, 30));

        Expect.Conflict(() => record.End(new DateOnly(2026, 7, 1)), "Correspondent.Ended");
        record.EndedOn.ShouldBe(new DateOnly(2026, 6, 30));
    }

    [Fact]
    public void End_BeforeAppointment_Refused()
    {
        Expect.Validation(() => NewRecord().End(Appointed.AddDays(-1)), "Correspondent.EndBeforeAppointment", "EndedOn");
    }

    [Fact]
    public void Update_EndedRecord_RefusedBecauseHistoryIsKept()
    {
        var record = NewRecord();
        record.End(new DateOnly(2026, 6, 30));

        Expect.Conflict(() => record.Update("王五", "13900000000", null, null, Appointed), "Correspondent.Ended");
        Expect.Conflict(() => record.LinkUser(null), "Correspondent.Ended");
        record.Name.ShouldBe("李文静");
        record.UserId.ShouldBe(100);
    }

    [Fact]
    public void LinkUser_ActiveRecord_ChangesOrClearsLink()
    {
        var record = CorrespondentRecord.Register(2, null, "马丽", "13805370303", null, null, Appointed, TestClock.Now);

        record.LinkUser(101);
        record.UserId.ShouldBe(101);
        record.LinkUser(null);
        record.UserId.ShouldBeNull();
    }

    [Theory]
    [InlineData("1380537abcd", "Phone.Invalid", "Phone")]
    [InlineData("", "Required", "Phone")]
    public void Update_BadPhone_Refused(string phone, string code, string field)
    {
        Expect.Validation(() => NewRecord().Update("李文静", phone, null, null, Appointed), code, field);
    }
}
