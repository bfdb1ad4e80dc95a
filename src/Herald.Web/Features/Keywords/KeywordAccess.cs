using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Keywords;

/// <summary>词表（含敏感词表本身）只有宣传办可以查看和维护。</summary>
public static class KeywordAccess
{
    public static async Task RequireKeywordManagerAsync(this CurrentUser current, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
    }
}
