using System.Net;
using Herald.Web.Infrastructure.Net;

namespace Herald.Web.Tests.Security;

/// <summary>出站连接的地址规则：回环、私有、链路本地（含云元数据地址）、组播、未指定、IPv4 映射都拒绝；公网放行；配置的网段放行。</summary>
public sealed class OutboundGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsForbidden_InternalAddress_True(string address) =>
        OutboundGuard.IsForbidden(IPAddress.Parse(address), []).ShouldBeTrue();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("114.114.114.114")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsForbidden_PublicAddress_False(string address) =>
        OutboundGuard.IsForbidden(IPAddress.Parse(address), []).ShouldBeFalse();

    [Fact]
    public void IsForbidden_AllowListedNetwork_OnlyThatNetworkLetThrough()
    {
        var allowed = OutboundGuard.Parse(new OutboundOptions { AllowedNetworks = ["10.20.0.0/16", "127.0.0.1"] });

        OutboundGuard.IsForbidden(IPAddress.Parse("10.20.3.4"), allowed).ShouldBeFalse();
        OutboundGuard.IsForbidden(IPAddress.Parse("127.0.0.1"), allowed).ShouldBeFalse();
        OutboundGuard.IsForbidden(IPAddress.Parse("10.21.0.1"), allowed).ShouldBeTrue();
        OutboundGuard.IsForbidden(IPAddress.Parse("127.0.0.2"), allowed).ShouldBeTrue();
    }
}
