using System.Globalization;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed class UnitForm
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? ParentId { get; set; }
}

public sealed class MoveUnitForm
{
    public string? ParentId { get; set; }
}

/// <summary>表单里的下拉框值：空表示"无"，否则须为编号或枚举名。</summary>
public static class FormValues
{
    public static long? OptionalId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw AppException.Invalid(field, "Form.NotANumber");
    }

    public static UnitType UnitType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw AppException.Invalid("Type", "Required");
        // 只认名称（agency、Community…），不认数字：枚举的序号不是契约。
        return !char.IsAsciiDigit(value.Trim()[0]) && Enum.TryParse<UnitType>(value.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type)
            ? type
            : throw AppException.Invalid("Type", "Unit.UnknownType", value);
    }

    public static Role Role(string? value) =>
        RoleRules.TryParse(value, out var role) && Enum.IsDefined(role)
            ? role
            : throw AppException.Invalid("Role", "Role.Unknown", value ?? "");

    public static DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw AppException.Invalid(field, "Required");
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw AppException.Invalid(field, "Form.BadDate");
    }
}
