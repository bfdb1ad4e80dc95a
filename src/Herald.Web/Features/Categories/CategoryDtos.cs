namespace Herald.Web.Features.Categories;

public sealed record CategoryItem(long Id, string Name, int SortOrder, bool Disabled, int Manuscripts);

public sealed class CategoryForm
{
    public string? Name { get; set; }
}
