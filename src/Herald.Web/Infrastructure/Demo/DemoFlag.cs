using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Demo;

/// <summary>本库是否为演示数据（界面上醒目标注）。启动后不变，读一次即缓存。</summary>
public sealed class DemoFlag
{
    private bool? _isDemo;

    public async ValueTask<bool> IsDemoAsync(HeraldDbContext db, CancellationToken ct = default) =>
        _isDemo ??= await db.Settings.AnyAsync(s => s.Key == AppSetting.DemoOrganization && s.Value == "true", ct);

    public void Set(bool value) => _isDemo = value;
}
