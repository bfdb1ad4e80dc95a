namespace Herald.Domain.Identity;

/// <summary>
/// 口令策略：至少 8 位，大写字母、小写字母、数字、符号四类中至少三类（等保 2.0 常见要求）；
/// 满足这些的口令还不能是常见口令或有规律的口令（<see cref="WeakPasswords"/>）。
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const int RequiredClasses = 3;

    /// <summary>返回不满足的规则代码；空表示合格。</summary>
    public static IReadOnlyList<string> Check(string? password, string? userName = null)
    {
        var errors = new List<string>();
        password ??= "";
        if (password.Length < MinLength) errors.Add("Password.TooShort");
        if (password.Length > MaxLength) errors.Add("Password.TooLong");
        if (CountClasses(password) < RequiredClasses) errors.Add("Password.TooSimple");
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            errors.Add("Password.ContainsUserName");
        if (errors.Count == 0 && WeakPasswords.IsWeak(password)) errors.Add("Password.Common");
        return errors;
    }

    public static int CountClasses(string password)
    {
        bool upper = false, lower = false, digit = false, symbol = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (!char.IsWhiteSpace(c) && !char.IsControl(c)) symbol = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
