using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("categories");
        b.Property(c => c.Name).HasMaxLength(32).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class ManuscriptConfiguration : IEntityTypeConfiguration<Manuscript>
{
    public void Configure(EntityTypeBuilder<Manuscript> b)
    {
        // SQLite runs INSERT/UPDATE … RETURNING like a trigger, under a statement journal: with this table's 14 indexes
        // that journal outgrows memory and goes to a temporary file on every save. EF then reads the key back instead.
        b.ToTable("manuscripts", t => t.UseSqlReturningClause(false));
        b.Property(m => m.Title).HasMaxLength(Manuscript.TitleMaxLength).IsRequired();
        b.Property(m => m.BodyHtml).IsRequired();
        b.Property(m => m.BodyText).IsRequired();
        b.Property(m => m.RouteSteps).HasMaxLength(128).IsRequired();
        b.Property(m => m.StandardName).HasMaxLength(160);
        b.Property(m => m.SubmissionKey).HasMaxLength(64);
        b.Property(m => m.Revision).IsConcurrencyToken();
        b.Ignore(m => m.Route);
        b.Ignore(m => m.Photos);
        b.Ignore(m => m.Document);

        b.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Manuscript>().WithMany().HasForeignKey(m => m.FollowUpOfId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.ManuscriptId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.ManuscriptId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.History).WithOne().HasForeignKey(e => e.ManuscriptId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Publications).WithOne().HasForeignKey(p => p.ManuscriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Adoptions).WithOne().HasForeignKey(a => a.ManuscriptId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Publications).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.Adoptions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(m => m.NotUsedReason).HasMaxLength(Manuscript.ReasonMaxLength);
        // 迁移脚本给已有的行补列时需要默认值，模型里写明以保持一致。
        b.Property(m => m.Editorial).HasDefaultValue(Herald.Domain.Publishing.EditorialStatus.None);
        b.Navigation(m => m.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // 列表：按单位、按作者、全部，按更新时间倒序翻页。索引带上可见范围要用的状态、作者、单位，
        // 过滤、计数和排序只读索引即可完成，不必逐行读取带正文的整行（迁移 0003）。
        b.HasIndex(m => new { m.UnitId, m.UpdatedAt, m.Status, m.AuthorId }).CoversAfter(2);
        b.HasIndex(m => new { m.AuthorId, m.UpdatedAt, m.Status, m.UnitId }).CoversAfter(2);
        b.HasIndex(m => new { m.Status, m.UpdatedAt, m.AuthorId, m.UnitId }).CoversAfter(2);
        b.HasIndex(m => new { m.UpdatedAt, m.Status, m.AuthorId, m.UnitId }).CoversAfter(1);
        // 数据表按标题、事件日期排序（迁移 0013），同样带上可见范围要用的列。
        b.HasIndex(m => new { m.Title, m.Status, m.AuthorId, m.UnitId }).CoversAfter(1);
        b.HasIndex(m => new { m.EventDate, m.Status, m.AuthorId, m.UnitId }).CoversAfter(1);
        // 待我审核：状态 + 当前步骤角色 + 单位。
        b.HasIndex(m => new { m.Status, m.CurrentStepRole, m.UnitId });
        // 采编池与统计：按审定时间；报表按报送时间与单位聚合。
        b.HasIndex(m => new { m.Status, m.ApprovedAt });
        b.HasIndex(m => new { m.Editorial, m.ApprovedAt, m.Status, m.UnitId }).CoversAfter(2);
        // 报表按时期分组计数只读索引（迁移 0006）：报送（含迟报）、审定、发布。
        b.HasIndex(m => new { m.SubmittedAt, m.UnitId, m.AuthorId, m.IsLate }).CoversAfter(1);
        b.HasIndex(m => new { m.ApprovedAt, m.UnitId, m.AuthorId }).CoversAfter(1);
        b.HasIndex(m => new { m.PublishedAt, m.UnitId, m.AuthorId }).CoversAfter(1);
        b.HasIndex(m => new { m.AuthorId, m.SubmissionKey }).IsUnique();
        b.HasIndex(m => new { m.UnitId, m.NameDate, m.NameSequence }).IsUnique();
        b.HasIndex(m => m.FollowUpOfId);
    }
}

internal sealed class ManuscriptVersionConfiguration : IEntityTypeConfiguration<ManuscriptVersion>
{
    public void Configure(EntityTypeBuilder<ManuscriptVersion> b)
    {
        b.ToTable("manuscript_versions");
        b.Property(v => v.Title).HasMaxLength(Manuscript.TitleMaxLength).IsRequired();
        b.Property(v => v.BodyHtml).IsRequired();
        b.Property(v => v.BodyText).IsRequired();
        b.Property(v => v.PhotoCaptions).IsRequired();
        // 迁移 0015 给已有的版本补列（都是作者报送的），模型里写明默认值以保持一致。
        b.Property(v => v.ReviewEdit).HasDefaultValue(false);
        b.HasIndex(v => new { v.ManuscriptId, v.Number }).IsUnique();
    }
}

internal sealed class ManuscriptAttachmentConfiguration : IEntityTypeConfiguration<ManuscriptAttachment>
{
    public void Configure(EntityTypeBuilder<ManuscriptAttachment> b)
    {
        b.ToTable("manuscript_attachments");
        b.Property(a => a.FileHash).HasMaxLength(64).IsRequired();
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Caption).HasMaxLength(Manuscript.CaptionMaxLength);
        b.HasIndex(a => a.ManuscriptId);
        // 清理暂存文件时判断某个文件是否仍被引用。
        b.HasIndex(a => a.FileHash);
    }
}

internal sealed class ManuscriptEventConfiguration : IEntityTypeConfiguration<ManuscriptEvent>
{
    public void Configure(EntityTypeBuilder<ManuscriptEvent> b)
    {
        b.ToTable("manuscript_events");
        b.Property(e => e.Comment).HasMaxLength(Manuscript.ReasonMaxLength);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ManuscriptId, e.At });
    }
}
