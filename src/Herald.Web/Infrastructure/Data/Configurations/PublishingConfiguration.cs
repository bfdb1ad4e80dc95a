using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Submission;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> b)
    {
        b.ToTable("outlets");
        b.Property(o => o.Name).HasMaxLength(Outlet.NameMaxLength).IsRequired();
        b.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("channels");
        b.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength).IsRequired();
        b.Property(c => c.Url).HasMaxLength(1000);
        b.Property(c => c.ResponsibleName).HasMaxLength(32).IsRequired();
        b.Property(c => c.ResponsiblePhone).HasMaxLength(32);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.UnitId);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("publications");
        b.Property(p => p.ChannelName).HasMaxLength(Channel.NameMaxLength).IsRequired();
        b.Property(p => p.Url).HasMaxLength(1000);
        b.HasOne<Channel>().WithMany().HasForeignKey(p => p.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.EditorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ManuscriptId, p.ChannelId }).IsUnique();
        b.HasIndex(p => p.PublishedAt);
    }
}

internal sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> b)
    {
        b.ToTable("adoptions");
        b.Property(a => a.SourceName).HasMaxLength(64).IsRequired();
        b.Property(a => a.PageColumn).HasMaxLength(Adoption.ColumnMaxLength);
        b.Property(a => a.Url).HasMaxLength(1000);
        b.Property(a => a.ProofHash).HasMaxLength(64);
        b.Property(a => a.ProofFileName).HasMaxLength(255);
        b.Property(a => a.ProofContentType).HasMaxLength(100);
        b.Property(a => a.RefuseReason).HasMaxLength(500);
        b.Ignore(a => a.Counts);
        b.Ignore(a => a.IsGovInfo);
        b.HasOne<Outlet>().WithMany().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.ClaimedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.VerifiedById).OnDelete(DeleteBehavior.Restrict);
        // 同一媒体对同一稿件只能有一条有效登记（被不予认定的不算）。
        b.HasIndex(a => new { a.ManuscriptId, a.OutletId }).IsUnique().HasFilter("status <> 2 AND outlet_id IS NOT NULL");
        // 计分与报表：按状态和用稿日期取稿件编号，只读索引（迁移 0006）。
        b.HasIndex(a => new { a.Status, a.AdoptedOn, a.ManuscriptId }).CoversAfter(2);
        b.HasIndex(a => a.ManuscriptId);
        // 用稿登记数据表的排序：申报时间（默认）、用稿日期、级别、状态（迁移 0013）。
        b.HasIndex(a => a.ClaimedAt);
        b.HasIndex(a => a.AdoptedOn);
        b.HasIndex(a => a.Level);
        b.HasIndex(a => a.Status);
        // 待核实的申报，申报最早的在前（工作台，迁移 0016）。
        b.HasIndex(a => new { a.Status, a.ClaimedAt });
    }
}

internal sealed class ScoringRuleSetConfiguration : IEntityTypeConfiguration<ScoringRuleSet>
{
    public void Configure(EntityTypeBuilder<ScoringRuleSet> b)
    {
        b.ToTable("scoring_rule_sets");
        b.Property(r => r.PointsTable).HasMaxLength(4000).IsRequired();
        b.Property(r => r.InstructionTable).HasMaxLength(1000).IsRequired();
        b.Property(r => r.FrontPageMultiplier).HasPrecision(9, 2);
        b.Property(r => r.CapPoints).HasPrecision(9, 2);
        b.Property(r => r.MissingPenalty).HasPrecision(9, 2);
        b.Property(r => r.LatePenalty).HasPrecision(9, 2);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Ignore(r => r.Points);
        b.Ignore(r => r.InstructionBonus);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.EffectiveFrom);
    }
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("bulletins");
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.IssuingOffice).HasMaxLength(64).IsRequired();
        b.Property(x => x.Opening).HasMaxLength(4000);
        b.Property(x => x.Requirements).HasMaxLength(4000);
        b.Property(x => x.DocumentHash).HasMaxLength(64);
        b.Property(x => x.WorkbookHash).HasMaxLength(64);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.PeriodStart);
        b.Ignore(x => x.PeriodEnd);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.RootUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Kind, x.Year, x.Quarter, x.RootUnitId, x.Version }).IsUnique();
    }
}
