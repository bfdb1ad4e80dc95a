using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Tests.Documents;

public sealed class CompoundFileTests
{
    [Fact]
    public void IsEncryptedPackage_DirectoryHasEncryptedPackageStream_True()
    {
        CompoundFile.IsEncryptedPackage(TestCompoundFile.EncryptedDocx()).ShouldBeTrue();
    }

    [Fact]
    public void IsEncryptedPackage_NameOnlyInDocumentText_False()
    {
        CompoundFile.IsEncryptedPackage(TestCompoundFile.LegacyDoc()).ShouldBeFalse();
    }

    [Fact]
    public void IsEncryptedPackage_TruncatedOrNotCompoundFile_False()
    {
        var encrypted = TestCompoundFile.EncryptedDocx();

        CompoundFile.IsEncryptedPackage(encrypted[..600]).ShouldBeFalse();
        CompoundFile.IsEncryptedPackage(TestDocx.Build(d => d.Add(TestDocx.P("正文")))).ShouldBeFalse();
    }

    [Fact]
    public void IsEncryptedPackage_DirectoryChainLoopsOnItself_FalseWithoutHanging()
    {
        var looping = TestCompoundFile.Create("WordDocument", new byte[4096]);
        // FAT entry of the directory sector (sector 1) points back to sector 1.
        BitConverter.GetBytes(1u).CopyTo(looping, 512 + 4);

        CompoundFile.IsEncryptedPackage(looping).ShouldBeFalse();
    }
}
