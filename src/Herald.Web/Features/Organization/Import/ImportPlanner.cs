using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Features.Organization.Import;

/// <summary>
/// 逐行校验导入文件并给出导入计划。先查完所有行、收集全部错误（工作表、行号、列、说明），
/// 有任何错误就什么都不导入——管理员一次改完，而不是改一处报一处。
/// </summary>
public sealed class ImportPlanner(ImportVocabulary words, UnitIndex index, IReadOnlySet<string> takenUserNames)
{
    private const int NameMaxLength = 32;
    private const int PhoneMaxLength = 32;
    private const int EmailMaxLength = 128;
    // 顿号、逗号、分号（全角半角）和换行。
    private static readonly char[] RoleSeparators = ['\u3001', ',', '\uFF0C', ';', '\uFF1B', '\n'];

    private readonly List<ImportError> _errors = new();
    private readonly List<PlannedUnit> _units = new();
    private readonly List<PlannedUser> _users = new();

    public static ImportPlan Plan(IReadOnlyList<XlsxSheetData> sheets, ImportVocabulary words, OrgTree tree, IReadOnlySet<string> takenUserNames)
    {
        var planner = new ImportPlanner(words, UnitIndex.From(tree), takenUserNames);
        var unitSheet = sheets.FirstOrDefault(s => words.IsUnitsSheet(s.Name));
        var userSheet = sheets.FirstOrDefault(s => words.IsUsersSheet(s.Name));
        if (unitSheet is null && userSheet is null)
        {
            planner._errors.Add(new ImportError("", 0, 0, null, "Import.NoSheets", words.UnitsSheet, words.UsersSheet));
            return planner.Result();
        }
        if (unitSheet is not null) planner.ReadUnits(unitSheet);
        if (userSheet is not null) planner.ReadUsers(userSheet);
        return planner.Result();
    }

    /// <summary>文件中出现的用户名（规范化后），供事先查出其中哪些已被占用。</summary>
    public static IReadOnlyList<string> CandidateUserNames(IReadOnlyList<XlsxSheetData> sheets, ImportVocabulary words) =>
        sheets.Where(s => words.IsUsersSheet(s.Name))
            .SelectMany(s => s.Rows.Skip(1))
            .Select(r => UserAccount.NormalizeUserName(r.Get(1)))
            .Where(n => n.Length > 0)
            .Distinct()
            .ToList();

    private ImportPlan Result() =>
        new(_units, _users, _errors.OrderBy(e => e.Row == 0 ? 0 : 1).ToList());

    private void ReadUnits(XlsxSheetData sheet)
    {
        if (!HeaderOk(sheet, ImportVocabulary.UnitColumns)) return;
        var rows = sheet.Rows.Skip(1).Where(r => !r.IsBlank).ToList();
        // 便于提示"上级单位写在了后面"。
        var firstRowOfName = new Dictionary<string, int>();
        foreach (var row in rows) firstRowOfName.TryAdd(row.Get(1).Trim(), row.Number);

        foreach (var row in rows)
        {
            var before = _errors.Count;
            var name = row.Get(1).Trim();
            var parentText = row.Get(2).Trim();
            var typeText = row.Get(3).Trim();

            var nameOk = false;
            if (name.Length == 0) Error(sheet, row, 1, ImportColumn.UnitName, "Required");
            else if (name.Length > Unit.NameMaxLength) Error(sheet, row, 1, ImportColumn.UnitName, "TooLong", Unit.NameMaxLength);
            else if (name.IndexOfAny(UnitIndex.PathSeparators) >= 0) Error(sheet, row, 1, ImportColumn.UnitName, "Import.UnitNameSlash");
            else nameOk = true;

            var type = UnitType.Department;
            if (typeText.Length == 0) Error(sheet, row, 3, ImportColumn.UnitType, "Required");
            else if (!words.TryUnitType(typeText, out type))
                Error(sheet, row, 3, ImportColumn.UnitType, "Import.UnknownType", typeText, List(words.UnitTypeNames));

            UnitIndex.Node? parent = null;
            var parentOk = true;
            if (parentText.Length > 0)
            {
                var (found, ambiguous) = index.Resolve(parentText);
                parent = found;
                parentOk = found is not null;
                if (ambiguous) Error(sheet, row, 2, ImportColumn.Parent, "Import.AmbiguousUnit", parentText);
                else if (found is null && firstRowOfName.TryGetValue(LastSegment(parentText), out var later) && later > row.Number)
                    Error(sheet, row, 2, ImportColumn.Parent, "Import.ParentDefinedLater", parentText, later);
                else if (found is null) Error(sheet, row, 2, ImportColumn.Parent, "Import.UnknownParent", parentText);
            }

            if (!nameOk || !parentOk) continue;
            if (index.ChildNamed(parent, name) is { } existing)
            {
                if (existing.Row is { } earlier) Error(sheet, row, 1, ImportColumn.UnitName, "Import.DuplicateUnitInFile", name, earlier);
                else Error(sheet, row, 1, ImportColumn.UnitName, "Import.DuplicateUnit", name);
                continue;
            }
            // 有错的行也记入名录（不进计划），免得它的下级单位再报"找不到上级"。
            var node = index.AddPlanned(name, parent, _units.Count, row.Number);
            if (_errors.Count == before)
                _units.Add(new PlannedUnit(row.Number, name, type, parent?.Ref, UnitIndex.PathOf(node)));
        }
    }

    private void ReadUsers(XlsxSheetData sheet)
    {
        if (!HeaderOk(sheet, ImportVocabulary.UserColumns)) return;
        var seen = new Dictionary<string, int>();
        foreach (var row in sheet.Rows.Skip(1).Where(r => !r.IsBlank))
        {
            var before = _errors.Count;
            var userName = UserAccount.NormalizeUserName(row.Get(1));
            if (userName.Length == 0) Error(sheet, row, 1, ImportColumn.UserName, "Required");
            else if (!UserAccount.IsValidUserName(userName)) Error(sheet, row, 1, ImportColumn.UserName, "User.InvalidUserName");
            else if (seen.TryGetValue(userName, out var first)) Error(sheet, row, 1, ImportColumn.UserName, "Import.DuplicateUserInFile", userName, first);
            else if (takenUserNames.Contains(userName)) Error(sheet, row, 1, ImportColumn.UserName, "User.DuplicateUserName", userName);
            if (userName.Length > 0) seen.TryAdd(userName, row.Number);

            var displayName = row.Get(2).Trim();
            if (displayName.Length == 0) Error(sheet, row, 2, ImportColumn.DisplayName, "Required");
            else if (displayName.Length > NameMaxLength) Error(sheet, row, 2, ImportColumn.DisplayName, "TooLong", NameMaxLength);

            var home = ResolveUnit(sheet, row, 3, ImportColumn.HomeUnit);
            var roleUnit = ResolveUnit(sheet, row, 5, ImportColumn.RoleUnit);
            var roles = ReadRoles(sheet, row, home, roleUnit);

            var phone = Optional(row.Get(6));
            if (phone is { Length: > PhoneMaxLength }) Error(sheet, row, 6, ImportColumn.Phone, "TooLong", PhoneMaxLength);
            else if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
                Error(sheet, row, 6, ImportColumn.Phone, "Phone.Invalid");

            var email = Optional(row.Get(7));
            if (email is { Length: > EmailMaxLength }) Error(sheet, row, 7, ImportColumn.Email, "TooLong", EmailMaxLength);
            else if (email is not null && !email.Contains('@')) Error(sheet, row, 7, ImportColumn.Email, "Email.Invalid");

            if (_errors.Count == before)
                _users.Add(new PlannedUser(row.Number, userName, displayName, home?.Ref, phone, email, roles));
        }
    }

    /// <summary>一格里可写多个角色（用"、"或逗号分隔），挂在"角色所在单位"（留空取所属单位）；三员角色不能导入。</summary>
    private List<PlannedRole> ReadRoles(XlsxSheetData sheet, XlsxRow row, UnitIndex.Node? home, UnitIndex.Node? roleUnit)
    {
        var roles = new List<PlannedRole>();
        var roleText = row.Get(4);
        var roleUnitGiven = row.Get(5).Trim().Length > 0;
        foreach (var part in roleText.Split(RoleSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!words.TryRole(part, out var role))
            {
                Error(sheet, row, 4, ImportColumn.Role, "Import.UnknownRole", part, List(words.RoleNames));
                continue;
            }
            if (roles.Any(r => r.Role == role)) continue;
            if (AdminSeparation.NeedsApproval(role))
            {
                // 三员分立：管理员角色须安全管理员逐项批准，不能批量导入。
                Error(sheet, row, 4, ImportColumn.Role, "Import.AdminRoleNeedsApproval", part);
                continue;
            }
            var unit = roleUnit ?? home;
            if (unit is null)
            {
                // 单位写了但没找到的，已在单位那一列报过错。
                if (!roleUnitGiven && row.Get(3).Trim().Length == 0)
                    Error(sheet, row, 5, ImportColumn.RoleUnit, "Import.RoleNeedsUnit", part);
                continue;
            }
            roles.Add(new PlannedRole(role, unit.Ref));
        }
        if (roleUnitGiven && roleText.Trim().Length == 0)
            Error(sheet, row, 4, ImportColumn.Role, "Import.RoleUnitWithoutRole");
        return roles;
    }

    private UnitIndex.Node? ResolveUnit(XlsxSheetData sheet, XlsxRow row, int column, ImportColumn header)
    {
        var text = row.Get(column).Trim();
        if (text.Length == 0) return null;
        var (node, ambiguous) = index.Resolve(text);
        if (ambiguous) Error(sheet, row, column, header, "Import.AmbiguousUnit", text);
        else if (node is null) Error(sheet, row, column, header, "Import.UnknownUnit", text);
        return node;
    }

    private bool HeaderOk(XlsxSheetData sheet, ImportColumn[] columns)
    {
        var header = sheet.Rows.FirstOrDefault();
        var ok = header is not null && header.Number == 1
                 && columns.Select((c, i) => words.IsHeader(c, header.Get(i + 1))).All(x => x);
        if (!ok)
            _errors.Add(new ImportError(sheet.Name, 1, 0, null, "Import.BadHeader",
                List(columns.Select(c => words.Template("Import.Col." + c)))));
        return ok;
    }

    private void Error(XlsxSheetData sheet, XlsxRow row, int column, ImportColumn header, string code, params object[] args) =>
        _errors.Add(new ImportError(sheet.Name, row.Number, column, header, code, args));

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string LastSegment(string path) =>
        path.Split(UnitIndex.PathSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? path;

    private string List(IEnumerable<string> names) => string.Join(words.Template("Import.ListSeparator"), names);
}
