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
    /// <summary>在本单位平台发布（Comment 为平台名称）</summary>
    Published = 7,
    /// <summary>宣传办决定不采用（Comment 为理由）</summary>
    NotUsed = 8,
    /// <summary>登记或申报用稿/批示（Comment 为媒体或领导）</summary>
    AdoptionRecorded = 9,
    /// <summary>宣传办核实用稿</summary>
    AdoptionVerified = 10,
    /// <summary>宣传办不予认定或撤销用稿（Comment 为理由）</summary>
    AdoptionRefused = 11,
    /// <summary>作者在第一位审核人处理前撤回（回到草稿）</summary>
    Withdrawn = 12,
    /// <summary>当前这一级的审核人直接修改了标题或正文（审改），产生新版本</summary>
    ReviewEdited = 13,
}
