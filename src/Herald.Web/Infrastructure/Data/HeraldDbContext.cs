using Herald.Domain.Auditing;
using Herald.Domain.Identity;
using Herald.Domain.Keywords;
using Herald.Domain.Notifications;
using Herald.Domain.Opinion;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Data;

public sealed class HeraldDbContext(DbContextOptions<HeraldDbContext> options) : DbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AdminRoleRequest> AdminRoleRequests => Set<AdminRoleRequest>();
    public DbSet<CorrespondentRecord> Correspondents => Set<CorrespondentRecord>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Manuscript> Manuscripts => Set<Manuscript>();
    public DbSet<ManuscriptVersion> ManuscriptVersions => Set<ManuscriptVersion>();
    public DbSet<ManuscriptAttachment> ManuscriptAttachments => Set<ManuscriptAttachment>();
    public DbSet<ManuscriptEvent> ManuscriptEvents => Set<ManuscriptEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<StagedUpload> StagedUploads => Set<StagedUpload>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Adoption> Adoptions => Set<Adoption>();
    public DbSet<ScoringRuleSet> ScoringRuleSets => Set<ScoringRuleSet>();
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<OpinionItem> OpinionItems => Set<OpinionItem>();
    public DbSet<OpinionItemHit> OpinionItemHits => Set<OpinionItemHit>();
    public DbSet<OpinionItemAttachment> OpinionItemAttachments => Set<OpinionItemAttachment>();
    public DbSet<OpinionItemBand> OpinionItemBands => Set<OpinionItemBand>();
    public DbSet<OpinionItemBandBacklog> OpinionItemBandBacklog => Set<OpinionItemBandBacklog>();
    public DbSet<OpinionFeed> OpinionFeeds => Set<OpinionFeed>();
    public DbSet<KeywordList> KeywordLists => Set<KeywordList>();
    public DbSet<Herald.Domain.Writing.UsageRule> UsageRules => Set<Herald.Domain.Writing.UsageRule>();
    public DbSet<Herald.Domain.Options.OptionEntry> OptionEntries => Set<Herald.Domain.Options.OptionEntry>();
    public DbSet<OpinionCase> OpinionCases => Set<OpinionCase>();
    public DbSet<OpinionCaseDeadline> OpinionCaseDeadlines => Set<OpinionCaseDeadline>();
    public DbSet<OpinionCaseItem> OpinionCaseItems => Set<OpinionCaseItem>();
    public DbSet<OpinionResponse> OpinionResponses => Set<OpinionResponse>();
    public DbSet<OpinionCaseAttachment> OpinionCaseAttachments => Set<OpinionCaseAttachment>();
    public DbSet<OpinionCaseTask> OpinionCaseTasks => Set<OpinionCaseTask>();
    public DbSet<OpinionInterview> OpinionInterviews => Set<OpinionInterview>();
    public DbSet<OpinionDeadlineRule> OpinionDeadlineRules => Set<OpinionDeadlineRule>();
    public DbSet<EmergencyPlan> EmergencyPlans => Set<EmergencyPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HeraldDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
        if (Database.IsNpgsql()) CoveringIndex.UseIncludeColumns(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = DetectChangesOnce();
        try
        {
            AppendOnlyGuard.Check(ChangeTracker);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = DetectChangesOnce();
        try
        {
            AppendOnlyGuard.Check(ChangeTracker);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// 每次保存只比较一遍快照：否则守卫的 Entries()、写闸的 HasChanges() 和 SaveChanges 本身各把所有跟踪的实体比较一遍。
    /// 返回原来的自动检测设置，保存后恢复。
    /// </summary>
    private bool DetectChangesOnce()
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        if (detecting) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detecting;
    }
}
