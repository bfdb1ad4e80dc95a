using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Tests.Kernel;

public sealed class PagingTests
{
    private sealed record Row(long Id, string Name, DateTime At);

    private static readonly Row[] Rows =
    [
        new(1, "b", new DateTime(2026, 3, 1)),
        new(2, "a", new DateTime(2026, 3, 3)),
        new(3, "c", new DateTime(2026, 3, 2)),
    ];

    private static readonly SortKeys<Row> Keys = new SortKeys<Row>()
        .Add("name", r => r.Name)
        .Add("at", r => r.At, descending: true);

    [Theory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-3, 20, 1, 20)]
    [InlineData(4, 500, 4, PageRequest.MaxSize)]
    public void Of_OutOfRangeValues_ClampedToOneMaxSize(int page, int size, int expectedPage, int expectedSize)
    {
        var request = PageRequest.Of(page, size);

        request.Page.ShouldBe(expectedPage);
        request.Size.ShouldBe(expectedSize);
    }

    [Fact]
    public void CountLimit_DeepPage_CountsTenPagesAhead()
    {
        PageRequest.Of(1, 20).CountLimit.ShouldBe(PageRequest.CountCap);
        PageRequest.Of(600, 20).CountLimit.ShouldBe(610 * 20);
    }

    [Fact]
    public void Apply_KeyWithoutDirection_UsesTheKeysDefaultDirection()
    {
        Keys.Apply(Rows.AsQueryable(), PageRequest.Of(1, 20, "at"), "name").Select(r => r.Id).ShouldBe([2L, 3L, 1L]);
    }

    [Fact]
    public void Apply_NoKey_UsesTheListDefault()
    {
        Keys.Apply(Rows.AsQueryable(), PageRequest.Of(1, 20), "name").Select(r => r.Id).ShouldBe([2L, 1L, 3L]);
    }

    [Fact]
    public void Apply_ExplicitDirection_Overrides()
    {
        Keys.Apply(Rows.AsQueryable(), PageRequest.Of(1, 20, "AT", "asc"), "name").Select(r => r.Id).ShouldBe([1L, 3L, 2L]);
    }

    [Theory]
    [InlineData("password", null, "sort", "Paging.UnknownSort")]
    [InlineData("name", "sideways", "dir", "Paging.UnknownDirection")]
    public void Apply_KeyOrDirectionOffTheList_Rejected(string sort, string? dir, string field, string code)
    {
        var error = Should.Throw<AppException>(() => Keys.Apply(Rows.AsQueryable(), PageRequest.Of(1, 20, sort, dir), "name"));

        error.Kind.ShouldBe(ProblemKind.Validation);
        error.Field.ShouldBe(field);
        error.Code.ShouldBe(code);
    }
}
