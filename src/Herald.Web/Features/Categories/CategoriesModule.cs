using Herald.Web.Features.Common;

namespace Herald.Web.Features.Categories;

/// <summary>稿件类别。</summary>
public sealed class CategoriesModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListCategories>();
        services.AddScoped<CategoryLookup>();
        services.AddScoped<AddCategory>();
        services.AddScoped<RenameCategory>();
        services.AddScoped<MoveCategory>();
        services.AddScoped<SetCategoryDisabled>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapCategoryPages();

    public void MapApi(RouteGroupBuilder api) => api.MapCategoryApi();
}
