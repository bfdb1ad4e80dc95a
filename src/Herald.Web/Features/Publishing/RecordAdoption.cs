using Herald.Domain.Notifications;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 登记用稿（媒体、政务信息刊物）或领导批示。宣传办登记的即为已核实；作者或稿件单位的信息员、单位负责人申报的待核实，
/// 并通知宣传办。同一媒体对同一稿件只能登记一次。
/// </summary>
public sealed class RecordAdoption(HeraldDbContext db, CurrentUser current, ProofUpload proofs, Notifier notifier, AuditLog audit, Clock clock)
{
    public async Task<AdoptionDto> OutletAsync(long manuscriptId, AdoptionInput input, CancellationToken ct = default)
    {
        var (me, m, verified) = await LoadAsync(manuscriptId, ct);
        var outletId = input.OutletId ?? throw AppException.Invalid("outletId", "Required");
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Id == outletId, ct) ?? throw AppException.Invalid("outletId", "Adoption.OutletUnknown");
        var adoptedOn = Wire.RequiredDate(input.AdoptedOn, "adoptedOn");
        var proof = await proofs.CheckAsync(input.Proof, ct);

        var adoption = m.RecordAdoption(outlet, adoptedOn, input.Column, input.Url, input.FrontPage, proof?.File, me.Id, verified, clock.UtcNow);
        return await SaveAsync(me, m, adoption, proof, () => AppException.Conflict("Adoption.Duplicate", outlet.Name), ct);
    }

    public async Task<AdoptionDto> InstructionAsync(long manuscriptId, AdoptionInput input, CancellationToken ct = default)
    {
        var (me, m, verified) = await LoadAsync(manuscriptId, ct);
        var level = Wire.RequiredCode<MediaLevel>(input.Level, "level");
        var instructedOn = Wire.RequiredDate(input.InstructedOn, "instructedOn");
        var proof = await proofs.CheckAsync(input.Proof, ct);

        Adoption adoption;
        try
        {
            adoption = m.RecordInstruction(input.Leader ?? "", level, instructedOn, input.Url, proof?.File, me.Id, verified, clock.UtcNow);
        }
        catch (Domain.Common.DomainValidationException ex) when (ex.Field == "adoptedOn")
        {
            // 领域对象把用稿日期和批示日期都叫 adoptedOn；这里指出表单上的批示日期。
            throw AppException.Invalid("instructedOn", ex.Code, ex.Args);
        }
        return await SaveAsync(me, m, adoption, proof, () => AppException.Conflict("Adoption.DuplicateInstruction", adoption.SourceName), ct);
    }

    private async Task<(UserContext Me, Manuscript M, bool Verified)> LoadAsync(long manuscriptId, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Adoptions).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == manuscriptId, ct)
                ?? throw AppException.NotFound();
        var office = PublishingAccess.IsOfficeFor(me, m.UnitId);
        me.Require(office || PublishingAccess.CanClaim(me, m));
        return (me, m, office);
    }

    private async Task<AdoptionDto> SaveAsync(UserContext me, Manuscript m, Adoption adoption, CheckedProof? proof,
        Func<AppException> duplicate, CancellationToken ct)
    {
        if (proof is not null) await proofs.StoreAsync(proof, ct);
        if (adoption.Status == AdoptionStatus.Pending)
            notifier.Tell(PublishingAccess.OfficeUsersFor(me.Tree, m.UnitId), NotificationKind.AdoptionClaimed, m, me.Id, me.DisplayName, null);
        var action = adoption.Status == AdoptionStatus.Verified ? "adoption.record" : "adoption.claim";
        await db.SaveNewAsync(() => audit.Add(action, "Adoption", adoption.Id, $"manuscript {m.Id}; {adoption.SourceName}; {adoption.AdoptedOn:yyyy-MM-dd}"),
            duplicate, () => AppException.Conflict("Publishing.Stale"), ct);
        var names = new Dictionary<long, string> { [me.Id] = me.DisplayName };
        return EditorialRecords.ToDto(adoption, m.Title, m.UnitId, me.Tree, names);
    }
}
