namespace Herald.Domain.Notifications;

public enum NotificationKind
{
    /// <summary>有新稿件待我审核</summary>
    ReviewRequested = 0,
    /// <summary>我的稿件被退回修改</summary>
    Returned = 1,
    /// <summary>我的稿件已审定</summary>
    Approved = 2,
    /// <summary>我的稿件不予采用</summary>
    Rejected = 3,
    /// <summary>我的稿件通过了一级审核，进入下一级</summary>
    Advanced = 4,
}
