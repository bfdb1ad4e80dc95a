namespace Herald.Domain.Publishing;

public enum AdoptionKind
{
    /// <summary>媒体或政务信息刊物采用</summary>
    Outlet = 0,
    /// <summary>领导批示</summary>
    Instruction = 1,
}

public enum AdoptionStatus
{
    /// <summary>信息员申报，待宣传办核实</summary>
    Pending = 0,
    /// <summary>已核实（计分）</summary>
    Verified = 1,
    /// <summary>不予认定（不计分），须说明理由</summary>
    Refused = 2,
}

/// <summary>采编状态：审定后进入采编池。</summary>
public enum EditorialStatus
{
    /// <summary>尚未审定</summary>
    None = 0,
    /// <summary>待采编</summary>
    Pending = 1,
    /// <summary>已在本单位平台发布</summary>
    Published = 2,
    /// <summary>不采用</summary>
    NotUsed = 3,
}
