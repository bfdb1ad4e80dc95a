using System.Globalization;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Herald.Web.Features.Organization.Import;

public enum ImportColumn
{
    UnitName,
    Parent,
    UnitType,
    UserName,
    DisplayName,
    HomeUnit,
    Role,
    RoleUnit,
    Phone,
    Email,
}

/// <summary>
/// 导入文件的"词汇"：工作表名、表头、单位类型名、角色名。模板一律用中文（文件格式是约定，不随界面语言变），
/// 读取时中英文名称、代码（unit_head）和枚举名（UnitHead）都认。
/// </summary>
public sealed class ImportVocabulary(IStringLocalizer<Text> localizer)
{
    public static readonly CultureInfo TemplateCulture = new("zh-CN");

    public static readonly ImportColumn[] UnitColumns = [ImportColumn.UnitName, ImportColumn.Parent, ImportColumn.UnitType];

    public static readonly ImportColumn[] UserColumns =
        [ImportColumn.UserName, ImportColumn.DisplayName, ImportColumn.HomeUnit, ImportColumn.Role, ImportColumn.RoleUnit, ImportColumn.Phone, ImportColumn.Email];

    /// <summary>模板语言（中文）的文字。</summary>
    public string Template(string key) => In(TemplateCulture, key);

    public string UnitsSheet => Template("Import.Sheet.Units");
    public string UsersSheet => Template("Import.Sheet.Users");

    public bool IsUnitsSheet(string name) => Matches("Import.Sheet.Units", name);
    public bool IsUsersSheet(string name) => Matches("Import.Sheet.Users", name);

    public bool IsHeader(ImportColumn column, string text) => Matches("Import.Col." + column, text.TrimEnd('*', ' '));

    public bool TryUnitType(string text, out UnitType type)
    {
        foreach (var candidate in Enum.GetValues<UnitType>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase)
                || Labels("UnitType." + candidate).Any(l => Same(l, text) || l.Split('/').Any(part => Same(part, text))))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public bool TryRole(string text, out Role role)
    {
        if (RoleRules.TryParse(text, out role) && Enum.IsDefined(role)) return true;
        foreach (var candidate in Enum.GetValues<Role>())
        {
            // "领导（查看）"也可只写"领导"。
            if (Labels("Role." + candidate).Any(l => Same(l, text) || Same(WithoutNote(l), text)))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>模板的下拉选项和错误提示里列出的名称（中文）。</summary>
    public IReadOnlyList<string> UnitTypeNames => Enum.GetValues<UnitType>().Select(t => Template("UnitType." + t)).ToList();

    public IReadOnlyList<string> RoleNames => Enum.GetValues<Role>().Select(r => Template("Role." + r)).ToList();

    private bool Matches(string key, string text) => Labels(key).Any(l => Same(l, text));

    private IEnumerable<string> Labels(string key) => WebServices.Cultures.Select(c => In(c, key)).Distinct();

    private string In(CultureInfo culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string WithoutNote(string label)
    {
        var cut = label.IndexOfAny(['\uFF08', '(']);
        return cut > 0 ? label[..cut] : label;
    }
}
