using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Categories;

public sealed record CategoriesPageModel : IPageModel<CategoriesPage>
{
    public IReadOnlyList<CategoryItem> Items { get; init; } = [];
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public string? NewName { get; init; }
}
