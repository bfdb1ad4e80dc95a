using System.Reflection;
using Herald.Domain.Auditing;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Auditing;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var rows = new List<AuditEntry>();
        string? previous = null;
        for (var i = 1; i <= count; i++)
        {
            var e = AuditEntry.Create(TestClock.Now.AddMinutes(i), 7, "secadmin", "role.approve", "User", i, $"detail {i}", "10.0.0.1");
            e.Seal(i, previous);
            previous = e.Hash;
            rows.Add(e);
        }
        return rows;
    }

    private static AuditChainResult Verify(IEnumerable<AuditEntry> rows)
    {
        var verifier = new AuditChain.Verifier();
        foreach (var row in rows) verifier.Add(row);
        return verifier.Result;
    }

    // 模拟绕过应用直接改库：用反射改私有 setter（相当于 UPDATE ... SET detail = ...）。
    private static void Tamper(AuditEntry e, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(e, value);

    [Fact]
    public void Verify_UntouchedChain_IntactWithHead()
    {
        var rows = Chain(5);

        var result = Verify(rows);

        result.Intact.ShouldBeTrue();
        result.Checked.ShouldBe(5);
        result.HeadHash.ShouldBe(rows[^1].Hash);
        rows[0].PreviousHash.ShouldBeNull();
        rows[0].Hash!.Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("Detail", "被改过的详情")]
    [InlineData("UserName", "admin")]
    [InlineData("Action", "signin.success")]
    [InlineData("IpAddress", null)]
    [InlineData("EntityId", 99L)]
    public void Verify_OneFieldEdited_BreaksAtThatRow(string property, object? value)
    {
        var rows = Chain(5);
        Tamper(rows[2], property, value);

        var result = Verify(rows);

        result.FirstBreak.ShouldBe(new AuditChainBreak(3, "content"));
        result.HeadHash.ShouldBeNull();
    }

    [Fact]
    public void Verify_RowDeleted_BreaksAtTheNextRow()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);

        Verify(rows).FirstBreak.ShouldBe(new AuditChainBreak(3, "link"));
    }

    [Fact]
    public void Verify_RowRehashedAfterEdit_BreaksAtTheNextRow()
    {
        var rows = Chain(5);
        Tamper(rows[1], "Detail", "改过并重算本行哈希");
        Tamper(rows[1], "Hash", AuditChain.ComputeHash(rows[1]));

        Verify(rows).FirstBreak.ShouldBe(new AuditChainBreak(3, "link"));
    }

    [Fact]
    public void Verify_HashRemoved_Unsealed()
    {
        var rows = Chain(3);
        Tamper(rows[1], "Hash", null);

        Verify(rows).FirstBreak.ShouldBe(new AuditChainBreak(2, "unsealed"));
    }

    [Fact]
    public void ComputeHash_FieldBoundariesMatter()
    {
        var a = AuditEntry.Create(TestClock.Now, null, "ab", "c");
        var b = AuditEntry.Create(TestClock.Now, null, "a", "bc");
        a.Seal(1, null);
        b.Seal(1, null);

        a.Hash.ShouldNotBe(b.Hash);
    }

    [Fact]
    public void Seal_Twice_Refused()
    {
        var e = Chain(1)[0];

        Should.Throw<InvalidOperationException>(() => e.Seal(2, null));
    }

    [Fact]
    public void Create_TimeWithSubMicrosecondTicks_StoredToTheMicrosecond()
    {
        var e = AuditEntry.Create(TestClock.Now.AddTicks(1234567), 7, "secadmin", "role.approve");

        (e.At.Ticks % TimeSpan.TicksPerMicrosecond).ShouldBe(0);
        e.At.ShouldBe(TestClock.Now.AddTicks(1234560));
    }

    // 旧版本在 SQLite 上封链的记录带 100 纳秒位；搬到只存微秒的 PostgreSQL 后这一位没了，链仍须完好。
    [Fact]
    public void Verify_LegacyRowsLosingTheTenthMicrosecondDigit_Intact()
    {
        var rows = LegacyChain(out var stored);

        Verify(stored).Intact.ShouldBeTrue();
        rows.Select(r => r.Hash).ShouldBe(stored.Select(r => r.Hash));
    }

    [Fact]
    public void Verify_LegacyRowMovedAndEdited_BreaksAtThatRow()
    {
        LegacyChain(out var stored);
        Tamper(stored[1], "Detail", "被改过的详情");

        var result = Verify(stored);

        result.FirstBreak!.EntryId.ShouldBe(2);
        result.FirstBreak.Reason.ShouldBe("content");
    }

    /// <summary>三条以 100 纳秒精度封链的旧记录（rows），以及它们存进 PostgreSQL 后读回的样子（stored：时间截到微秒）。</summary>
    private static List<AuditEntry> LegacyChain(out List<AuditEntry> stored)
    {
        var rows = Chain(3);
        string? previous = null;
        foreach (var (e, i) in rows.Select((e, i) => (e, i)))
        {
            Tamper(e, "Hash", null);
            Tamper(e, "At", e.At.AddTicks(3 + 3 * i));
            e.Seal(i + 1, previous);
            previous = e.Hash;
        }
        stored = rows.Select(e =>
        {
            var copy = AuditEntry.Create(e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Detail, e.IpAddress);
            Tamper(copy, "Id", e.Id);
            Tamper(copy, "PreviousHash", e.PreviousHash);
            Tamper(copy, "Hash", e.Hash);
            return copy;
        }).ToList();
        return rows;
    }
}
