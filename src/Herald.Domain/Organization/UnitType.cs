namespace Herald.Domain.Organization;

/// <summary>单位类型。审核路线可以按单位类型配置。</summary>
public enum UnitType
{
    /// <summary>机关/单位（如县科学技术局）</summary>
    Agency = 0,
    /// <summary>街道/乡镇</summary>
    Street = 1,
    /// <summary>科室/部门</summary>
    Department = 2,
    /// <summary>村/社区</summary>
    Community = 3,
    /// <summary>直属单位/事业单位</summary>
    Affiliate = 4,
    /// <summary>学会/协会/分支机构</summary>
    Society = 5,
}
