using Herald.Domain.Identity;
using Herald.Domain.Opinion;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Web.Infrastructure.Data.Configurations;

internal sealed class OpinionCaseConfiguration : IEntityTypeConfiguration<OpinionCase>
{
    public void Configure(EntityTypeBuilder<OpinionCase> b)
    {
        b.ToTable("opinion_cases");
        b.Property(c => c.Title).HasMaxLength(OpinionCase.TitleMaxLength).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(OpinionCase.SummaryMaxLength).IsRequired();
        b.Property(c => c.Category).HasMaxLength(OpinionCase.CategoryMaxLength).IsRequired();
        b.Property(c => c.Instructions).HasMaxLength(OpinionCase.InstructionsMaxLength);
        b.Property(c => c.SuperiorOffice).HasMaxLength(OpinionCase.SuperiorOfficeMaxLength);
        b.Property(c => c.SuperiorReference).HasMaxLength(OpinionCase.ReferenceMaxLength);
        b.Property(c => c.CloseSummary).HasMaxLength(OpinionCase.SummaryMaxLength);
        b.Property(c => c.Lessons).HasMaxLength(OpinionCase.LessonsMaxLength);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Ignore(c => c.ActiveDeadlines);
        b.Ignore(c => c.ResponseNeedsApproval);

        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.OpenedById).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Responses).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Disposals).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Feedbacks).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Interviews).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var name in new[] { "Items", "Deadlines", "Responses", "Disposals", "Feedbacks", "Tasks", "Interviews", "History" })
            b.Navigation(name).UsePropertyAccessMode(PropertyAccessMode.Field);

        // 列表：按状态、等级、责任单位筛选，按立案时间倒序；统计按立案时间取数。
        b.HasIndex(c => new { c.Status, c.OpenedAt });
        b.HasIndex(c => new { c.UnitId, c.OpenedAt });
        b.HasIndex(c => new { c.OwnerUnitId, c.OpenedAt });
        b.HasIndex(c => c.OpenedAt);
    }
}

internal sealed class OpinionCaseItemConfiguration : IEntityTypeConfiguration<OpinionCaseItem>
{
    public void Configure(EntityTypeBuilder<OpinionCaseItem> b)
    {
        b.ToTable("opinion_case_items");
        b.HasOne<OpinionItem>().WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.CaseId, i.ItemId }).IsUnique();
        // 一条信息至多属于一件未办结的舆情。
        b.HasIndex(i => i.ItemId).IsUnique().HasFilter("active");
    }
}

internal sealed class OpinionCaseDeadlineConfiguration : IEntityTypeConfiguration<OpinionCaseDeadline>
{
    public void Configure(EntityTypeBuilder<OpinionCaseDeadline> b)
    {
        b.ToTable("opinion_case_deadlines");
        b.Property(d => d.Basis).HasMaxLength(OpinionDeadlineRule.BasisMaxLength);
        // 多个实例同时提醒时只有一个能写入（每个阶段至多一次）。
        b.Property(d => d.AlertVersion).IsConcurrencyToken();
        b.Ignore(d => d.IsActive);
        b.HasIndex(d => d.CaseId);
        // 后台任务：仍在计时的时限，按到期时间。
        b.HasIndex(d => new { d.MetAt, d.SupersededAt, d.DueAt });
    }
}

internal sealed class OpinionResponseConfiguration : IEntityTypeConfiguration<OpinionResponse>
{
    public void Configure(EntityTypeBuilder<OpinionResponse> b)
    {
        b.ToTable("opinion_responses");
        b.Property(r => r.Statement).HasMaxLength(OpinionResponse.StatementMaxLength).IsRequired();
        b.Property(r => r.Link).HasMaxLength(1000);
        b.Property(r => r.RouteSteps).HasMaxLength(128).IsRequired();
        b.Property(r => r.ReturnReason).HasMaxLength(OpinionCase.ReasonMaxLength);
        b.Ignore(r => r.Route);
        b.Ignore(r => r.NeedsApproval);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(r => new { r.CaseId, r.Number }).IsUnique();
        // 待我审核：审核中的回应，按当前步骤角色和单位。
        b.HasIndex(r => new { r.Status, r.CurrentStepRole, r.UnitId });
    }
}

internal sealed class OpinionDisposalConfiguration : IEntityTypeConfiguration<OpinionDisposal>
{
    public void Configure(EntityTypeBuilder<OpinionDisposal> b)
    {
        b.ToTable("opinion_disposals");
        b.Property(d => d.Description).HasMaxLength(OpinionDisposal.DescriptionMaxLength).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DisposalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(d => new { d.CaseId, d.Number }).IsUnique();
    }
}

internal sealed class OpinionCaseAttachmentConfiguration : IEntityTypeConfiguration<OpinionCaseAttachment>
{
    public void Configure(EntityTypeBuilder<OpinionCaseAttachment> b)
    {
        b.ToTable("opinion_case_attachments");
        b.Property(a => a.FileHash).HasMaxLength(64).IsRequired();
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.HasOne<OpinionCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ResponseId);
        b.HasIndex(a => a.DisposalId);
        b.HasIndex(a => a.CaseId);
        // 清理暂存文件时判断某个文件是否仍被引用。
        b.HasIndex(a => a.FileHash);
    }
}

internal sealed class OpinionFeedbackConfiguration : IEntityTypeConfiguration<OpinionFeedback>
{
    public void Configure(EntityTypeBuilder<OpinionFeedback> b)
    {
        b.ToTable("opinion_feedbacks");
        b.Property(f => f.Report).HasMaxLength(OpinionFeedback.ReportMaxLength).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(f => f.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.CaseId);
    }
}

internal sealed class OpinionCaseTaskConfiguration : IEntityTypeConfiguration<OpinionCaseTask>
{
    public void Configure(EntityTypeBuilder<OpinionCaseTask> b)
    {
        b.ToTable("opinion_case_tasks");
        b.Property(t => t.Title).HasMaxLength(EmergencyPlanStep.TitleMaxLength).IsRequired();
        b.Property(t => t.PlanName).HasMaxLength(EmergencyPlan.NameMaxLength).IsRequired();
        b.Property(t => t.Note).HasMaxLength(OpinionCaseTask.NoteMaxLength);
        b.Ignore(t => t.IsDone);
        b.HasOne<EmergencyPlan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        // 同一预案在同一舆情上只启动一次（重复提交时第二次失败）。
        b.HasIndex(t => new { t.CaseId, t.PlanId, t.SortOrder }).IsUnique();
    }
}

internal sealed class OpinionInterviewConfiguration : IEntityTypeConfiguration<OpinionInterview>
{
    public void Configure(EntityTypeBuilder<OpinionInterview> b)
    {
        b.ToTable("opinion_interviews");
        b.Property(i => i.Interviewee).HasMaxLength(OpinionInterview.NameMaxLength).IsRequired();
        b.Property(i => i.Interviewer).HasMaxLength(OpinionInterview.NameMaxLength).IsRequired();
        b.Property(i => i.Outcome).HasMaxLength(OpinionInterview.OutcomeMaxLength).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.CaseId);
    }
}

internal sealed class OpinionCaseEventConfiguration : IEntityTypeConfiguration<OpinionCaseEvent>
{
    public void Configure(EntityTypeBuilder<OpinionCaseEvent> b)
    {
        b.ToTable("opinion_case_events");
        b.Property(e => e.Tag).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(OpinionCaseEvent.DetailMaxLength);
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class OpinionDeadlineRuleConfiguration : IEntityTypeConfiguration<OpinionDeadlineRule>
{
    public void Configure(EntityTypeBuilder<OpinionDeadlineRule> b)
    {
        b.ToTable("opinion_deadline_rules");
        b.Property(r => r.Basis).HasMaxLength(OpinionDeadlineRule.BasisMaxLength);
        b.HasIndex(r => new { r.Severity, r.Kind }).IsUnique();
    }
}

internal sealed class EmergencyPlanConfiguration : IEntityTypeConfiguration<EmergencyPlan>
{
    public void Configure(EntityTypeBuilder<EmergencyPlan> b)
    {
        b.ToTable("emergency_plans");
        b.Property(p => p.Name).HasMaxLength(EmergencyPlan.NameMaxLength).IsRequired();
        b.Property(p => p.Category).HasMaxLength(OpinionCase.CategoryMaxLength).IsRequired();
        b.Property(p => p.Description).HasMaxLength(EmergencyPlan.DescriptionMaxLength);
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => new { p.Category, p.Severity });
    }
}

internal sealed class EmergencyPlanStepConfiguration : IEntityTypeConfiguration<EmergencyPlanStep>
{
    public void Configure(EntityTypeBuilder<EmergencyPlanStep> b)
    {
        b.ToTable("emergency_plan_steps");
        b.Property(s => s.Title).HasMaxLength(EmergencyPlanStep.TitleMaxLength).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.PlanId);
    }
}
