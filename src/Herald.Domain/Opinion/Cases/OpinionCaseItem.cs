namespace Herald.Domain.Opinion.Cases;

/// <summary>舆情与信息的关联。Active：舆情未办结时为 true；一条信息至多属于一件未办结的舆情（数据库唯一索引兜底）。</summary>
public sealed class OpinionCaseItem
{
    private OpinionCaseItem() { }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long ItemId { get; private set; }
    public bool Active { get; private set; }

    internal static OpinionCaseItem Create(long itemId) => new() { ItemId = itemId, Active = true };

    internal void SetActive(bool active) => Active = active;
}
