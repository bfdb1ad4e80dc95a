using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Account;

/// <summary>本人修改口令：须输入原口令，新口令满足策略且两次一致。</summary>
public sealed class ChangePassword(HeraldDbContext db, PasswordHashing hashing, AuditLog audit)
{
    public async Task<UserAccount> HandleAsync(long userId, string? current, string? next, string? confirm, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (string.IsNullOrEmpty(current) || !hashing.Verify(user, current))
            throw AppException.Invalid("CurrentPassword", "Password.WrongCurrent");
        var problems = PasswordPolicy.Check(next, user.UserName);
        if (problems.Count > 0) throw AppException.Invalid("NewPassword", problems[0]);
        if (next != confirm) throw AppException.Invalid("ConfirmPassword", "Password.Mismatch");
        if (hashing.Verify(user, next!)) throw AppException.Invalid("NewPassword", "Password.SameAsOld");
        user.ChangePassword(hashing.Hash(next!));
        audit.Add("password.change", "User", user.Id);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
