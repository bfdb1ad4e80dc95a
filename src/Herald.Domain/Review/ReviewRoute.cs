using Herald.Domain.Organization;

namespace Herald.Domain.Review;

/// <summary>一条审核路线：依次经过的审核角色。</summary>
public sealed record ReviewRoute(IReadOnlyList<Role> Steps)
{
    public static ReviewRoute Parse(string serialized) =>
        new(serialized.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.Parse<Role>(s)).ToArray());

    public string Serialize() => string.Join(',', Steps);

    public bool Equals(ReviewRoute? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => Serialize().GetHashCode(StringComparison.Ordinal);
}
