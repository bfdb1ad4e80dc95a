namespace Herald.Domain.Review;

public enum ManuscriptEventAction
{
    /// <summary>创建草稿</summary>
    Created = 0,
    /// <summary>报送</summary>
    Submitted = 1,
    /// <summary>修改后重新报送</summary>
    Resubmitted = 2,
    /// <summary>本级审核通过</summary>
    Approved = 3,
    /// <summary>退回修改</summary>
    Returned = 4,
    /// <summary>不予采用</summary>
    Rejected = 5,
    /// <summary>审核人即作者或上一级审核人，本级自动通过</summary>
    AutoPassed = 6,
}
