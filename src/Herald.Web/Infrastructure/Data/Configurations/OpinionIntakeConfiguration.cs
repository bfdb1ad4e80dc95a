using Herald.Domain.Identity;
using Herald.Domain.Opinion;
using Herald.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class OpinionItemConfiguration : IEntityTypeConfiguration<OpinionItem>
{
    public void Configure(EntityTypeBuilder<OpinionItem> b)
    {
        b.ToTable("opinion_items");
        b.Property(i => i.Source).HasMaxLength(OpinionItem.SourceMaxLength);
        b.Property(i => i.Platform).HasMaxLength(OpinionItem.PlatformMaxLength).IsRequired();
        b.Property(i => i.Url).HasMaxLength(1000);
        b.Property(i => i.Title).HasMaxLength(OpinionItem.TitleMaxLength);
        b.Property(i => i.Content).IsRequired();
        b.Property(i => i.Author).HasMaxLength(OpinionItem.AuthorMaxLength);
        b.Property(i => i.ExternalId).HasMaxLength(OpinionItem.ExternalIdMaxLength);
        b.Property(i => i.SubmissionKey).HasMaxLength(64);
        b.Ignore(i => i.DisplayTitle);

        b.HasOne<UserAccount>().WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.ReporterUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApiToken>().WithMany().HasForeignKey(i => i.TokenId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OpinionFeed>().WithMany().HasForeignKey(i => i.FeedId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OpinionItem>().WithMany().HasForeignKey(i => i.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(i => i.Hits).WithOne().HasForeignKey(h => h.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Hits).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(i => i.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // 列表只显示组首（duplicate_of_id 为空），按收到时间倒序；组详情按组首取组员。
        b.HasIndex(i => new { i.DuplicateOfId, i.ReceivedAt });
        // 单位只看本单位上报的。
        b.HasIndex(i => new { i.ReporterUnitId, i.ReceivedAt });
        // 查重窗口的起点：收到时间不早于某刻的最小 id。
        b.HasIndex(i => i.ReceivedAt);
        // 上报页重复点击“提交”：同一人同一提交键只收录一次。
        b.HasIndex(i => new { i.ReporterId, i.SubmissionKey }).IsUnique().HasFilter("submission_key IS NOT NULL");
        // 订阅源条目只收录一次。
        b.HasIndex(i => new { i.FeedId, i.ExternalId }).IsUnique().HasFilter("feed_id IS NOT NULL AND external_id IS NOT NULL");
    }
}

internal sealed class OpinionItemHitConfiguration : IEntityTypeConfiguration<OpinionItemHit>
{
    public void Configure(EntityTypeBuilder<OpinionItemHit> b)
    {
        b.ToTable("opinion_item_hits");
        b.Property(h => h.Keyword).HasMaxLength(OpinionItemHit.KeywordMaxLength).IsRequired();
        b.Property(h => h.List).HasMaxLength(OpinionItemHit.ListMaxLength).IsRequired();
        b.Property(h => h.Category).HasMaxLength(OpinionItemHit.CategoryMaxLength).IsRequired();
        b.HasIndex(h => h.ItemId);
    }
}

internal sealed class OpinionItemAttachmentConfiguration : IEntityTypeConfiguration<OpinionItemAttachment>
{
    public void Configure(EntityTypeBuilder<OpinionItemAttachment> b)
    {
        b.ToTable("opinion_item_attachments");
        b.Property(a => a.FileHash).HasMaxLength(64).IsRequired();
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.HasIndex(a => a.ItemId);
        // 清理暂存文件时判断某个文件是否仍被引用。
        b.HasIndex(a => a.FileHash);
    }
}

internal sealed class OpinionItemBandConfiguration : IEntityTypeConfiguration<OpinionItemBand>
{
    public void Configure(EntityTypeBuilder<OpinionItemBand> b)
    {
        b.ToTable("opinion_item_bands");
        // 只有主键一棵 B 树（迁移中为 WITHOUT ROWID）：查候选是按键的索引查找，写入只插一处。
        // 不设外键：否则要为 item_id 另建索引，每条信息多写 20 次。清理窗口外的旧行按键分段删除。
        b.HasKey(x => new { x.BandKey, x.ItemId });
    }
}

internal sealed class OpinionItemBandBacklogConfiguration : IEntityTypeConfiguration<OpinionItemBandBacklog>
{
    public void Configure(EntityTypeBuilder<OpinionItemBandBacklog> b)
    {
        b.ToTable("opinion_item_band_backlog");
        b.HasKey(x => x.ItemId);
        b.Property(x => x.ItemId).ValueGeneratedNever();
        b.Property(x => x.BandKeys).IsRequired();
    }
}

internal sealed class OpinionFeedConfiguration : IEntityTypeConfiguration<OpinionFeed>
{
    public void Configure(EntityTypeBuilder<OpinionFeed> b)
    {
        b.ToTable("opinion_feeds");
        b.Property(f => f.Name).HasMaxLength(OpinionFeed.NameMaxLength).IsRequired();
        b.Property(f => f.Url).HasMaxLength(1000).IsRequired();
        b.Property(f => f.Platform).HasMaxLength(OpinionItem.PlatformMaxLength).IsRequired();
        b.Property(f => f.LastError).HasMaxLength(OpinionFeed.ErrorMaxLength);
        b.Property(f => f.Etag).HasMaxLength(200);
        b.Property(f => f.LastModified).HasMaxLength(100);
        b.Property(f => f.Revision).IsConcurrencyToken();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.Name).IsUnique();
        b.HasIndex(f => f.NextDueAt);
    }
}

internal sealed class KeywordListConfiguration : IEntityTypeConfiguration<Herald.Domain.Keywords.KeywordList>
{
    public void Configure(EntityTypeBuilder<Herald.Domain.Keywords.KeywordList> b)
    {
        b.ToTable("keyword_lists");
        b.Property(l => l.Name).HasMaxLength(Herald.Domain.Keywords.KeywordList.NameMaxLength).IsRequired();
        b.Property(l => l.Description).HasMaxLength(Herald.Domain.Keywords.KeywordList.DescriptionMaxLength);
        b.Property(l => l.Words).IsRequired();
        b.Property(l => l.AllowPhrases).IsRequired();
        b.Property(l => l.BlockingCategories).IsRequired();
        b.Property(l => l.Revision).IsConcurrencyToken();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(l => l.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(l => l.Name).IsUnique();
    }
}
