using Herald.Web.Features.Common;
using Herald.Web.Features.Organization.Import;

namespace Herald.Web.Features.Organization;

/// <summary>组织机构：单位、用户与角色、批量导入。</summary>
public sealed class OrganizationModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListUnits>();
        services.AddScoped<IWaitingWorkSource, OrganizationWaiting>();
        services.AddScoped<GetUnit>();
        services.AddScoped<GetUnitList>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<MoveUnit>();
        services.AddScoped<SetUnitDisabled>();
        services.AddScoped<ListUsers>();
        services.AddScoped<GetUser>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUserProfile>();
        services.AddScoped<AssignRole>();
        services.AddScoped<RemoveRole>();
        services.AddScoped<RequestAdminRole>();
        services.AddScoped<DecideAdminRoleRequest>();
        services.AddScoped<ListAdminRoleRequests>();
        services.AddScoped<SetUserDisabled>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<UnlockUser>();
        services.AddScoped<ImportVocabulary>();
        services.AddScoped<ImportTemplate>();
        services.AddScoped<RunImport>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapUnitPages();
        pages.MapUserPages();
        pages.MapRoleRequestPages();
        pages.MapImportPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapUnitApi();
        api.MapUserApi();
        api.MapRoleRequestApi();
        api.MapImportApi();
    }
}
