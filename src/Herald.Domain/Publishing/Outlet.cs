using Herald.Domain.Common;

namespace Herald.Domain.Publishing;

/// <summary>外部媒体（用稿单位），如人民日报、省报、市报、县融媒体中心，以及上级办公室的政务信息刊物。</summary>
public sealed class Outlet
{
    public const int NameMaxLength = 64;

    private Outlet() { Name = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public MediaLevel Level { get; private set; }
    public OutletType Type { get; private set; }
    public bool Disabled { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Outlet Create(string name, MediaLevel level, OutletType type, DateTime nowUtc) => new()
    {
        Name = Guard.Line(name, nameof(Name), NameMaxLength),
        Level = level,
        Type = type,
        CreatedAt = nowUtc,
    };

    /// <summary>修改名称、级别、类型。已登记的用稿保存了当时的级别和类型，不受影响。</summary>
    public void Update(string name, MediaLevel level, OutletType type)
    {
        Name = Guard.Line(name, nameof(Name), NameMaxLength);
        Level = level;
        Type = type;
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
