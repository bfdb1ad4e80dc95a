namespace Herald.Domain.Organization;

public sealed record UnitNode(long Id, long? ParentId, string Name, UnitType Type, bool Disabled, int SortOrder);

/// <summary>一个有效（未停用）账号的角色。</summary>
public sealed record Assignment(long UserId, Role Role, long? UnitId);

/// <summary>谁在某一步审核：找到的单位（就近向上查找）和该单位上持有该角色的人。</summary>
public sealed record ReviewerResolution(long? FoundAtUnitId, IReadOnlyList<long> UserIds)
{
    public bool Found => UserIds.Count > 0;
}

/// <summary>
/// 组织树的只读快照：单位层级、角色与由此推出的审核人和可见范围。
/// 规则：审核角色从提交单位开始逐级向上，取最近的设有该角色的单位上的人。
/// </summary>
public sealed class OrgTree
{
    private static readonly Role[] ReviewerRoles = [Role.UnitHead, Role.SupervisingLeader, Role.Principal];

    private readonly Dictionary<long, UnitNode> _units;
    private readonly Dictionary<long, List<UnitNode>> _children = new();
    private readonly List<UnitNode> _roots = new();
    private readonly Dictionary<(Role, long), List<long>> _holders = new();
    private readonly Dictionary<long, List<Assignment>> _byUser = new();
    private readonly Dictionary<(Role, long), HashSet<long>> _reviewUnits = new();
    private readonly IReadOnlyDictionary<long, string> _userNames;

    /// <param name="userNames">姓名（可选）：持有角色的账号的显示名，视图据此显示审核人和作者而不必查库。</param>
    public OrgTree(IEnumerable<UnitNode> units, IEnumerable<Assignment> assignments, IReadOnlyDictionary<long, string>? userNames = null)
    {
        _userNames = userNames ?? new Dictionary<long, string>();
        _units = units.ToDictionary(u => u.Id);
        MaxUnitId = _units.Count == 0 ? 0 : _units.Keys.Max();
        foreach (var unit in _units.Values)
        {
            if (unit.ParentId is { } parent && _units.ContainsKey(parent))
            {
                if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = new();
                list.Add(unit);
            }
            else
            {
                _roots.Add(unit);
            }
        }
        foreach (var list in _children.Values) list.Sort(Compare);
        _roots.Sort(Compare);

        foreach (var a in assignments)
        {
            if (!_byUser.TryGetValue(a.UserId, out var mine)) _byUser[a.UserId] = mine = new();
            mine.Add(a);
            if (a.UnitId is { } unitId)
            {
                if (!_holders.TryGetValue((a.Role, unitId), out var holders)) _holders[(a.Role, unitId)] = holders = new();
                if (!holders.Contains(a.UserId)) holders.Add(a.UserId);
            }
        }

        // 预先算出每位审核人实际负责的单位，收件箱查询只需一次 IN。
        foreach (var role in ReviewerRoles)
        {
            foreach (var unit in _units.Values)
            {
                foreach (var userId in ResolveReviewers(role, unit.Id).UserIds)
                {
                    if (!_reviewUnits.TryGetValue((role, userId), out var set)) _reviewUnits[(role, userId)] = set = new();
                    set.Add(unit.Id);
                }
            }
        }
    }

    public int Count => _units.Count;

    /// <summary>最大的单位编号。单位只增不删、编号递增，所以"单位在本快照中"等价于"编号不大于它"。</summary>
    public long MaxUnitId { get; private set; }

    public IReadOnlyList<UnitNode> Roots => _roots;

    public IEnumerable<UnitNode> All => _units.Values;

    public UnitNode? Find(long unitId) => _units.GetValueOrDefault(unitId);

    /// <summary>持有角色的有效账号的显示名；快照里没有时为 null。</summary>
    public string? UserName(long userId) => _userNames.GetValueOrDefault(userId);

    public IReadOnlyList<UnitNode> Children(long unitId) =>
        _children.TryGetValue(unitId, out var list) ? list : [];

    /// <summary>自身在前，逐级向上直到根。</summary>
    public IEnumerable<UnitNode> SelfAndAncestors(long unitId)
    {
        var guard = 0;
        for (var current = Find(unitId); current is not null && guard++ < 1000; current = current.ParentId is { } p ? Find(p) : null)
            yield return current;
    }

    public IReadOnlySet<long> Subtree(long unitId)
    {
        var result = new HashSet<long>();
        if (!_units.ContainsKey(unitId)) return result;
        var stack = new Stack<long>();
        stack.Push(unitId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id)) continue;
            foreach (var child in Children(id)) stack.Push(child.Id);
        }
        return result;
    }

    /// <summary>深度优先的展示顺序，带层级深度（用于缩进的下拉框和树形列表）。</summary>
    public IEnumerable<(UnitNode Unit, int Depth)> Flatten(IEnumerable<UnitNode>? from = null)
    {
        var stack = new Stack<(UnitNode, int)>();
        foreach (var root in (from ?? _roots).Reverse()) stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (unit, depth) = stack.Pop();
            yield return (unit, depth);
            var children = Children(unit.Id);
            for (var i = children.Count - 1; i >= 0; i--) stack.Push((children[i], depth + 1));
        }
    }

    /// <summary>"示例街道 / 党政办公室"</summary>
    public string PathName(long unitId) =>
        string.Join(" / ", SelfAndAncestors(unitId).Reverse().Select(u => u.Name));

    /// <summary>不能移到自身或自己的下级之下。</summary>
    public bool CanMove(long unitId, long? newParentId)
    {
        if (newParentId is null) return true;
        if (!_units.ContainsKey(newParentId.Value)) return false;
        return !Subtree(unitId).Contains(newParentId.Value);
    }

    /// <summary>同一上级下已有同名单位（不区分首尾空白）；exceptUnitId 为正在改名或移动的单位本身。</summary>
    public bool HasSiblingNamed(long? parentId, string name, long? exceptUnitId = null)
    {
        var trimmed = name.Trim();
        var siblings = parentId is { } p ? Children(p) : _roots;
        return siblings.Any(u => u.Id != exceptUnitId && string.Equals(u.Name.Trim(), trimmed, StringComparison.Ordinal));
    }

    public IReadOnlyList<long> Holders(Role role, long unitId) =>
        _holders.TryGetValue((role, unitId), out var list) ? list : [];

    /// <summary>从 unitId 起逐级向上，返回最近一个设有该角色的单位及其人员。</summary>
    public ReviewerResolution ResolveReviewers(Role role, long unitId)
    {
        foreach (var unit in SelfAndAncestors(unitId))
        {
            var holders = Holders(role, unit.Id);
            if (holders.Count > 0) return new ReviewerResolution(unit.Id, holders);
        }
        return new ReviewerResolution(null, []);
    }

    /// <summary>路线中在该单位（逐级向上）找不到审核人的级别，按路线顺序；为空则每一级都有人审核。</summary>
    public IReadOnlyList<Role> MissingReviewers(Review.ReviewRoute route, long unitId) =>
        route.Steps.Distinct().Where(role => !ResolveReviewers(role, unitId).Found).ToList();

    public IReadOnlyList<Assignment> AssignmentsOf(long userId) =>
        _byUser.TryGetValue(userId, out var list) ? list : [];

    public bool HasRole(long userId, Role role) => AssignmentsOf(userId).Any(a => a.Role == role);

    /// <summary>此人以某审核角色实际负责审核的单位。</summary>
    public IReadOnlySet<long> ReviewUnits(long userId, Role role) =>
        _reviewUnits.TryGetValue((role, userId), out var set) ? set : new HashSet<long>();

    /// <summary>
    /// 此人可以看到哪些单位的稿件：信息员看本单位；负责人、分管领导看其审核的单位；
    /// 主要负责人、宣传办、领导看所辖子树。三员不看稿件内容。
    /// </summary>
    public IReadOnlySet<long> ManuscriptUnits(long userId)
    {
        var result = new HashSet<long>();
        foreach (var a in AssignmentsOf(userId))
        {
            if (a.UnitId is not { } unitId) continue;
            switch (a.Role)
            {
                case Role.Correspondent:
                    result.Add(unitId);
                    break;
                case Role.UnitHead or Role.SupervisingLeader:
                    result.Add(unitId);
                    result.UnionWith(ReviewUnits(userId, a.Role));
                    break;
                case Role.Principal or Role.Office or Role.Viewer:
                    result.UnionWith(Subtree(unitId));
                    break;
            }
        }
        return result;
    }

    /// <summary>此人以某角色（宣传办、领导等）管辖的单位子树之并。</summary>
    public IReadOnlySet<long> ScopeOf(long userId, Role role)
    {
        var result = new HashSet<long>();
        foreach (var a in AssignmentsOf(userId))
            if (a.Role == role && a.UnitId is { } unitId) result.UnionWith(Subtree(unitId));
        return result;
    }

    private static int Compare(UnitNode a, UnitNode b)
    {
        var bySort = a.SortOrder.CompareTo(b.SortOrder);
        return bySort != 0 ? bySort : a.Id.CompareTo(b.Id);
    }
}
