namespace Herald.Domain.Opinion.Cases;

/// <summary>时限的种类。前四种来自时限规则表（按等级），后两种来自交办和上级交办。</summary>
public enum DeadlineKind
{
    /// <summary>内部首次响应（责任单位第一次回应或处置）</summary>
    FirstResponse = 0,
    /// <summary>发布权威信息（重大、特别重大：5 小时，国办发〔2016〕80号、61号）</summary>
    AuthoritativeInfo = 1,
    /// <summary>举行新闻发布会（重大、特别重大：24 小时）</summary>
    PressConference = 2,
    /// <summary>回应关切（其他政务舆情：48 小时，国办发〔2016〕61号）</summary>
    Answer = 3,
    /// <summary>交办时限（交办时给出的办理期限，反馈即满足）</summary>
    Assignment = 4,
    /// <summary>上级交办的反馈时限</summary>
    Feedback = 5,
}

public static class DeadlineKinds
{
    /// <summary>时限规则表中可以配置的种类。</summary>
    public static readonly DeadlineKind[] PolicyKinds =
        [DeadlineKind.FirstResponse, DeadlineKind.AuthoritativeInfo, DeadlineKind.PressConference, DeadlineKind.Answer];

    public static bool IsPolicyKind(this DeadlineKind kind) => kind <= DeadlineKind.Answer;
}
