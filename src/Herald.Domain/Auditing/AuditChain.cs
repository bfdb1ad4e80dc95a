using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Domain.Auditing;

/// <summary>哈希链断在哪里、为什么：content 内容与哈希不符（被改过），link 与上一条接不上（中间删除或插入了记录），unsealed 没有哈希。</summary>
public sealed record AuditChainBreak(long EntryId, string Reason);

public sealed record AuditChainResult(long Checked, string? HeadHash, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// 审计记录的哈希链：每条的哈希覆盖其规范内容（编号、时间、用户、动作、对象、详情、地址）和上一条的哈希。
/// 按编号顺序逐条验证（<see cref="Verifier"/>），流式进行，不必把整张表读进内存。
/// </summary>
public static class AuditChain
{
    public static string ComputeHash(AuditEntry e) => ComputeHash(e, e.At);

    /// <summary>
    /// 内容与存下的哈希相符。PostgreSQL 只存到微秒：在 SQLite 上封链、带 100 纳秒位的旧记录搬过去后丢了这一位，
    /// 就用它可能的十个值去比（其余字段一个字也不能变，防篡改的效力不变）。
    /// </summary>
    public static bool Matches(AuditEntry e)
    {
        if (ComputeHash(e) == e.Hash) return true;
        if (e.At.Ticks % TimeSpan.TicksPerMicrosecond != 0) return false;
        for (var lost = 1; lost < TimeSpan.TicksPerMicrosecond; lost++)
            if (ComputeHash(e, e.At.AddTicks(lost)) == e.Hash) return true;
        return false;
    }

    private static string ComputeHash(AuditEntry e, DateTime at)
    {
        var canonical = new StringBuilder();
        Field(canonical, e.Id.ToString(CultureInfo.InvariantCulture));
        Field(canonical, at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Field(canonical, e.UserId?.ToString(CultureInfo.InvariantCulture));
        Field(canonical, e.UserName);
        Field(canonical, e.Action);
        Field(canonical, e.EntityType);
        Field(canonical, e.EntityId?.ToString(CultureInfo.InvariantCulture));
        Field(canonical, e.Detail);
        Field(canonical, e.IpAddress);
        Field(canonical, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    // 长度前缀让字段边界无歧义（"ab"+"c" 与 "a"+"bc" 不同），null 与空串也不同。
    private static void Field(StringBuilder sb, string? value)
    {
        if (value is null) sb.Append("-;");
        else sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }

    /// <summary>按编号升序喂入每一条；第一处断裂之后不再检查。</summary>
    public sealed class Verifier
    {
        private string? _previous;
        private bool _first = true;

        public long Checked { get; private set; }
        public AuditChainBreak? FirstBreak { get; private set; }

        /// <summary>检查一条；返回 false 表示链已断（<see cref="FirstBreak"/>）。</summary>
        public bool Add(AuditEntry e)
        {
            if (FirstBreak is not null) return false;
            Checked++;
            if (e.Hash is null) FirstBreak = new AuditChainBreak(e.Id, "unsealed");
            else if (e.PreviousHash != (_first ? null : _previous)) FirstBreak = new AuditChainBreak(e.Id, "link");
            else if (!Matches(e)) FirstBreak = new AuditChainBreak(e.Id, "content");
            _previous = e.Hash;
            _first = false;
            return FirstBreak is null;
        }

        public AuditChainResult Result => new(Checked, FirstBreak is null ? _previous : null, FirstBreak);
    }
}
