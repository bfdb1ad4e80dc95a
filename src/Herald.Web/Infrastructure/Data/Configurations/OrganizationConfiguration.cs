using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ParentId);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.ToTable("users");
        b.Property(u => u.UserName).HasMaxLength(32).IsRequired();
        b.Property(u => u.DisplayName).HasMaxLength(32).IsRequired();
        b.Property(u => u.PasswordHash).HasMaxLength(256).IsRequired();
        b.Property(u => u.Phone).HasMaxLength(32);
        b.Property(u => u.Email).HasMaxLength(128);
        b.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        b.Property(u => u.TotpSecret).HasMaxLength(512);
        b.HasIndex(u => u.UserName).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.UnitId);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("role_assignments");
        b.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Role, r.UnitId }).IsUnique();
        b.HasIndex(r => new { r.Role, r.UnitId });
    }
}

internal sealed class AdminRoleRequestConfiguration : IEntityTypeConfiguration<AdminRoleRequest>
{
    public void Configure(EntityTypeBuilder<AdminRoleRequest> b)
    {
        b.ToTable("admin_role_requests");
        b.Property(r => r.Reason).HasMaxLength(200);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.Status, r.RequestedAt });
    }
}

internal sealed class CorrespondentRecordConfiguration : IEntityTypeConfiguration<CorrespondentRecord>
{
    public void Configure(EntityTypeBuilder<CorrespondentRecord> b)
    {
        b.ToTable("correspondent_records");
        b.Property(c => c.Name).HasMaxLength(32).IsRequired();
        b.Property(c => c.Phone).HasMaxLength(32).IsRequired();
        b.Property(c => c.Email).HasMaxLength(128);
        b.Property(c => c.Position).HasMaxLength(32);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.UnitId);
        b.HasIndex(c => c.UserId);
    }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("password_history");
        b.Property(h => h.PasswordHash).HasMaxLength(256).IsRequired();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.UserId, h.RetiredAt });
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> b)
    {
        b.ToTable("recovery_codes");
        b.Property(r => r.CodeHash).HasMaxLength(64).IsRequired();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.UserId);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(s => s.Id).HasMaxLength(32).ValueGeneratedNever();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.Name).HasMaxLength(64).IsRequired();
        b.Property(t => t.Scope).HasMaxLength(32).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.UserId);
    }
}
