using Herald.Domain.Auditing;
using Herald.Domain.Identity;
using Herald.Domain.Notifications;
using Herald.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.Subject).HasMaxLength(200).IsRequired();
        b.Property(n => n.ActorName).HasMaxLength(32);
        b.Property(n => n.Comment).HasMaxLength(500);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.UserName).HasMaxLength(32);
        b.Property(a => a.Action).HasMaxLength(64).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(32);
        b.Property(a => a.Detail).HasMaxLength(2000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Ignore(a => a.CreationOrder);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<Data.AppSetting>
{
    public void Configure(EntityTypeBuilder<Data.AppSetting> b)
    {
        b.ToTable("app_settings");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Value).HasMaxLength(4000).IsRequired();
    }
}

internal sealed class StagedUploadConfiguration : IEntityTypeConfiguration<StagedUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> b)
    {
        b.ToTable("staged_uploads");
        b.Property(s => s.Hash).HasMaxLength(64).IsRequired();
        b.Property(s => s.FileName).HasMaxLength(255).IsRequired();
        b.Property(s => s.ContentType).HasMaxLength(100).IsRequired();
        b.Property(s => s.Caption).HasMaxLength(200);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UserId, s.CreatedAt });
        b.HasIndex(s => s.CreatedAt);
        b.HasIndex(s => s.Hash);
    }
}

internal sealed class UsageRuleConfiguration : IEntityTypeConfiguration<Herald.Domain.Writing.UsageRule>
{
    public void Configure(EntityTypeBuilder<Herald.Domain.Writing.UsageRule> b)
    {
        b.ToTable("usage_rules");
        b.Property(r => r.Wrong).HasMaxLength(Herald.Domain.Writing.UsageRule.WrongMaxLength).IsRequired();
        b.Property(r => r.Correct).HasMaxLength(Herald.Domain.Writing.UsageRule.CorrectMaxLength).IsRequired();
        b.Property(r => r.Note).HasMaxLength(Herald.Domain.Writing.UsageRule.NoteMaxLength);
        b.Property(r => r.Category).HasMaxLength(Herald.Domain.Writing.UsageRule.CategoryMaxLength);
        b.HasIndex(r => r.SortOrder);
    }
}

internal sealed class OptionEntryConfiguration : IEntityTypeConfiguration<Herald.Domain.Options.OptionEntry>
{
    public void Configure(EntityTypeBuilder<Herald.Domain.Options.OptionEntry> b)
    {
        b.ToTable("option_entries");
        b.Property(e => e.ListKey).HasMaxLength(Herald.Domain.Options.OptionEntry.KeyMaxLength).IsRequired();
        b.Property(e => e.Code).HasMaxLength(Herald.Domain.Options.OptionEntry.CodeMaxLength).IsRequired();
        b.Property(e => e.Name).HasMaxLength(Herald.Domain.Options.OptionEntry.NameMaxLength).IsRequired();
        b.HasIndex(e => new { e.ListKey, e.Code }).IsUnique();
        b.HasIndex(e => new { e.ListKey, e.SortOrder });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Jobs.JobLease>
{
    public void Configure(EntityTypeBuilder<Jobs.JobLease> b)
    {
        b.ToTable("job_leases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(Jobs.JobLease.NameMaxLength);
        b.Property(l => l.Holder).HasMaxLength(Jobs.JobLease.HolderMaxLength);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
    }
}
