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
    /// <summary>我的（本单位的）稿件已在平台发布</summary>
    Published = 5,
    /// <summary>我的（本单位的）稿件宣传办决定不采用</summary>
    NotUsed = 6,
    /// <summary>有人申报了用稿，待宣传办核实</summary>
    AdoptionClaimed = 7,
    /// <summary>我申报的用稿已核实</summary>
    AdoptionVerified = 8,
    /// <summary>我申报的用稿不予认定</summary>
    AdoptionRefused = 9,
    /// <summary>审核人审改了我的稿件（产生了新版本）</summary>
    ReviewEdited = 10,
    /// <summary>舆情交办给我的单位</summary>
    OpinionAssigned = 40,
    /// <summary>有舆情回应待我审核</summary>
    OpinionApprovalRequested = 41,
    /// <summary>舆情回应被退回</summary>
    OpinionResponseReturned = 42,
    /// <summary>舆情回应已审核发布</summary>
    OpinionResponseReleased = 43,
    /// <summary>舆情时限将到（Comment 为时限与到期时间）</summary>
    OpinionDeadlineReminder = 44,
    /// <summary>舆情超时督办（Comment 为时限与到期时间）</summary>
    OpinionOverdue = 45,
    /// <summary>应急预案任务交给我（或我的单位）</summary>
    OpinionTaskAssigned = 46,
    /// <summary>责任单位反馈了办理情况</summary>
    OpinionFeedback = 47,
}
