using Herald.Domain.Organization;

namespace Herald.Web.Features.Organization.Import;

/// <summary>
/// 导入时的单位名录：已有单位加上本次文件中已经读到的单位。引用可写完整路径（"示例街道/幸福社区"，
/// 全角"／"也可）或唯一的名称。
/// </summary>
public sealed class UnitIndex
{
    public sealed class Node(string name, Node? parent, long? existingId, int? plannedIndex, int? row)
    {
        public string Name { get; } = name;
        public Node? Parent { get; } = parent;
        public long? ExistingId { get; } = existingId;
        public int? PlannedIndex { get; } = plannedIndex;
        /// <summary>文件中的行号（本次导入的单位）。</summary>
        public int? Row { get; } = row;
        public List<Node> Children { get; } = new();

        public UnitRef Ref => new(ExistingId, PlannedIndex);
    }

    public static readonly char[] PathSeparators = ['/', '\uFF0F'];

    private readonly List<Node> _roots = new();
    private readonly List<Node> _all = new();

    public static UnitIndex From(OrgTree tree)
    {
        var index = new UnitIndex();
        var nodes = new Dictionary<long, Node>();
        foreach (var (unit, _) in tree.Flatten())
        {
            var parent = unit.ParentId is { } p ? nodes.GetValueOrDefault(p) : null;
            nodes[unit.Id] = index.Attach(new Node(unit.Name, parent, unit.Id, null, null));
        }
        return index;
    }

    public Node AddPlanned(string name, Node? parent, int plannedIndex, int row) => Attach(new Node(name, parent, null, plannedIndex, row));

    public Node? ChildNamed(Node? parent, string name) =>
        (parent?.Children ?? _roots).FirstOrDefault(n => Same(n.Name, name));

    /// <summary>按路径或唯一名称查找。找不到时 Node 为 null；同名多个时 Ambiguous。</summary>
    public (Node? Node, bool Ambiguous) Resolve(string reference)
    {
        var segments = reference.Split(PathSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return (null, false);
        if (segments.Length == 1)
        {
            var matches = _all.Where(n => Same(n.Name, segments[0])).Take(2).ToList();
            return matches.Count switch
            {
                1 => (matches[0], false),
                0 => (null, false),
                _ => (null, true),
            };
        }
        // 路径：从顶级单位逐级向下。
        IEnumerable<Node> level = _roots;
        List<Node> found = [];
        foreach (var segment in segments)
        {
            found = level.Where(n => Same(n.Name, segment)).ToList();
            if (found.Count == 0) return (null, false);
            level = found.SelectMany(n => n.Children);
        }
        return found.Count == 1 ? (found[0], false) : (null, true);
    }

    public static string PathOf(Node node)
    {
        var names = new List<string>();
        for (var n = node; n is not null; n = n.Parent) names.Add(n.Name);
        names.Reverse();
        return string.Join(" / ", names);
    }

    private Node Attach(Node node)
    {
        (node.Parent?.Children ?? _roots).Add(node);
        _all.Add(node);
        return node;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
