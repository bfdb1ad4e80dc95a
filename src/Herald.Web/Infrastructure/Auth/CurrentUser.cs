using System.Security.Claims;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>本次请求的用户：身份来自登录凭据，角色与范围来自组织树快照。</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, OrgDirectory directory, HeraldDbContext db)
{
    private UserContext? _context;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true && Principal.FindFirst(HeraldClaims.UserId) is not null;

    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>已登录用户的上下文；未登录时抛出 Unauthorized。</summary>
    public async ValueTask<UserContext> GetAsync(CancellationToken ct = default)
    {
        if (_context is not null) return _context;
        if (!IsAuthenticated) throw new AppException(ProblemKind.Unauthorized, "Unauthorized");
        var principal = Principal!;
        var tree = await directory.GetAsync(db, ct);
        _context = new UserContext(
            long.Parse(principal.FindFirstValue(HeraldClaims.UserId)!, System.Globalization.CultureInfo.InvariantCulture),
            principal.FindFirstValue(HeraldClaims.UserName) ?? "",
            principal.FindFirstValue(HeraldClaims.DisplayName) ?? "",
            tree);
        return _context;
    }

    /// <summary>组织变化（本请求内）后丢弃缓存的上下文。</summary>
    public void Reset() => _context = null;
}

public sealed class UserContext(long id, string userName, string displayName, OrgTree tree)
{
    private IReadOnlySet<long>? _manuscriptUnits;

    public long Id { get; } = id;
    public string UserName { get; } = userName;
    public string DisplayName { get; } = displayName;
    public OrgTree Tree { get; } = tree;

    public IReadOnlyList<Assignment> Assignments => Tree.AssignmentsOf(Id);

    public bool Has(Role role) => Tree.HasRole(Id, role);

    public bool HasAny(params Role[] roles) => roles.Any(Has);

    /// <summary>可见稿件的单位。</summary>
    public IReadOnlySet<long> ManuscriptUnits => _manuscriptUnits ??= Tree.ManuscriptUnits(Id);

    /// <summary>可以以信息员（或单位负责人）身份报送稿件的单位。</summary>
    public IReadOnlyList<long> SubmitUnits =>
        Assignments.Where(a => a.Role is Role.Correspondent or Role.UnitHead && a.UnitId is not null)
            .Select(a => a.UnitId!.Value).Distinct().ToList();

    public bool CanReview => HasAny(Role.UnitHead, Role.SupervisingLeader, Role.Principal);

    public bool IsOffice => Has(Role.Office);

    /// <summary>管理组织与账号（系统管理员、安全管理员）。</summary>
    public bool CanManageOrganization => HasAny(Role.SysAdmin, Role.SecAdmin);

    public bool CanAudit => HasAny(Role.Auditor, Role.SecAdmin);

    public void Require(bool condition)
    {
        if (!condition) throw AppException.Forbidden();
    }
}
