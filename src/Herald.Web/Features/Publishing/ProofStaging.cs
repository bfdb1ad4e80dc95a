using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 网页上登记用稿、批示出错时，已选的证明文件暂存到本人名下（与稿件的图片、Word 原件一样），重新显示的表单记着它，
/// 改正后再提交不必重新选择。只用于网页表单；API 一次提交即可。
/// </summary>
public sealed class ProofStaging(IServiceScopeFactory scopes, HeraldDbContext db, CurrentUser current, ProofUpload proofs, FileStore files, Clock clock)
{
    public const int Kind = 2;
    public const string Field = "stagedProof";
    public const string NameField = "stagedProofName";

    private bool _restored;

    /// <summary>表单带着先前暂存的证明（且这次没有另选文件）：取出来作为这次的证明。</summary>
    public async Task RestoreAsync(AdoptionInput input, CancellationToken ct)
    {
        if (input.Proof is not null && input.Proof.Length > 0) return;
        if (Wire.OptionalId(input.Value(Field), Field) is not { } id) return;
        var me = await current.GetAsync(ct);
        var row = await db.StagedUploads.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == me.Id && s.Kind == Kind, ct)
                  ?? throw AppException.Invalid(ProofUpload.Field, "Upload.StagedMissing");
        var content = new MemoryStream();
        await using (var stream = files.OpenRead(row.Hash))
            await stream.CopyToAsync(content, ct);
        content.Position = 0;
        _restored = true;
        input.Proof = new FormFile(content, 0, content.Length, ProofUpload.Field, row.FileName)
        {
            Headers = new HeaderDictionary(), ContentType = row.ContentType,
        };
    }

    /// <summary>出错后：这次选的证明若本身合格就暂存起来，表单的值里记下编号和文件名；不合格的（类型、大小）不留。</summary>
    public async Task KeepAsync(AdoptionInput input, IDictionary<string, string?> values, CancellationToken ct)
    {
        if (_restored) return; // 表单里已记着先前暂存的那一份
        CheckedProof? proof;
        try
        {
            proof = await proofs.CheckAsync(input.Proof, ct);
        }
        catch (AppException)
        {
            values.Remove(Field);
            values.Remove(NameField);
            return;
        }
        if (proof is null) return;
        var me = await current.GetAsync(ct);
        await files.SaveAsync(proof.Content, ct);
        // 登记失败时这次请求的工作单元里可能留着半截的变更：暂存用单独的一个。
        await using var scope = scopes.CreateAsyncScope();
        var staging = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var row = new StagedUpload
        {
            UserId = me.Id, Hash = proof.File.Hash, FileName = proof.File.FileName, ContentType = proof.File.ContentType,
            Size = proof.File.Size, Kind = Kind, CreatedAt = clock.UtcNow,
        };
        staging.StagedUploads.Add(row);
        await staging.SaveChangesAsync(ct);
        values[Field] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[NameField] = row.FileName;
    }
}
