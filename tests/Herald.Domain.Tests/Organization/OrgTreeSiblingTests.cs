using Herald.Domain.Organization;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Support.TestOrg;

namespace Herald.Domain.Tests.Organization;

public class OrgTreeSiblingTests
{
    private readonly OrgTree _tree = new TestOrg()
        .Unit(Street, "示例街道").Unit(PartyOffice, "党政办公室", Street).Unit(Community, "幸福社区", Street)
        .Unit(Bureau, "县科技局").Unit(11, "办公室", Bureau)
        .Build();

    [Fact]
    public void HasSiblingNamed_SameNameUnderSameParent_True()
    {
        _tree.HasSiblingNamed(Street, "党政办公室").ShouldBeTrue();
        _tree.HasSiblingNamed(Street, " 幸福社区 ").ShouldBeTrue();
    }

    [Fact]
    public void HasSiblingNamed_SameNameElsewhereOrAtRoot_OnlyCountsTheGivenParent()
    {
        _tree.HasSiblingNamed(Street, "办公室").ShouldBeFalse();
        _tree.HasSiblingNamed(Bureau, "办公室").ShouldBeTrue();
        _tree.HasSiblingNamed(null, "县科技局").ShouldBeTrue();
        _tree.HasSiblingNamed(null, "党政办公室").ShouldBeFalse();
    }

    [Fact]
    public void HasSiblingNamed_TheUnitItself_Ignored()
    {
        _tree.HasSiblingNamed(Street, "党政办公室", exceptUnitId: PartyOffice).ShouldBeFalse();
    }
}
