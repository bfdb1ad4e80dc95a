using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>宣传办新增或修改媒体；名称不能与已有媒体（含停用的）相同。已登记的用稿保存了当时的级别和类型，不受修改影响。</summary>
public sealed class SaveOutlet(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public async Task<OutletDto> HandleAsync(long? id, OutletForm form, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        Outlet outlet;
        if (id is null)
        {
            outlet = Outlet.Create(form.Name ?? "", Level(form), Type(form), clock.UtcNow);
            db.Outlets.Add(outlet);
        }
        else
        {
            outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppException.NotFound();
            outlet.Update(form.Name ?? "", Level(form), Type(form));
        }
        if (await db.Outlets.AnyAsync(o => o.Name == outlet.Name && o.Id != outlet.Id, ct))
            throw Duplicate(outlet)();

        var detail = $"{outlet.Name} ({Wire.Code(outlet.Level)}, {Wire.Code(outlet.Type)})";
        if (id is null)
            await db.SaveNewAsync(() => audit.Add("outlet.create", "Outlet", outlet.Id, detail), Duplicate(outlet), Stale, ct);
        else
        {
            audit.Add("outlet.update", "Outlet", outlet.Id, detail);
            await db.SaveAsync(Duplicate(outlet), Stale, ct);
        }
        return ListOutlets.ToDto(outlet);
    }

    private static MediaLevel Level(OutletForm form) => Wire.RequiredCode<MediaLevel>(form.Level, "level");

    private static OutletType Type(OutletForm form) => Wire.RequiredCode<OutletType>(form.Type, "outletType");

    private static Func<AppException> Duplicate(Outlet outlet) => () => AppException.Conflict("Outlet.DuplicateName", outlet.Name);

    private static AppException Stale() => AppException.Conflict("Concurrency");
}
