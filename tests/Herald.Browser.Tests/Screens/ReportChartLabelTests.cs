using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Screens;

/// <summary>统计报表的饼图（用稿按媒体级别）：手机和桌面上，每个扇区的标签都写全（"中央 1"），不被截成"中…"。</summary>
public sealed class ReportChartLabelTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task LevelsPie_EveryLabel_ShownInFull(string device)
    {
        await PublishingData.SeedAsync(server);
        var office = await server.SignedInPageAsync("office", device == "phone" ? Device.Phone : Device.Desktop);

        await office.GotoAsync("/reports");
        await office.WaitForReportChartsAsync();

        // 画在画布上的文字：zrender 把放不下的标签截断为带"…"的文字片段。
        var texts = await office.EvaluateAsync<string[]>("""
            () => {
              const chart = window.echarts.getInstanceByDom(document.getElementById('chart-levels'));
              const out = [];
              chart.getZr().storage.getRoots().forEach(root => root.traverse ? root.traverse(collect) : collect(root));
              function collect(el) {
                const text = el.getTextContent && el.getTextContent();
                if (text && !text.ignore && !text.invisible) {
                  text.update && text.update();
                  (text.childrenRef ? text.childrenRef() : []).filter(span => typeof span.style.text === 'string').forEach(span => out.push(span.style.text));
                }
              }
              return out;
            }
            """);
        texts.ShouldNotBeEmpty(string.Join("|", texts));
        texts.ShouldAllBe(t => !t.Contains("…") && !t.Contains("..."), string.Join("|", texts));
        string.Join(" ", texts).ShouldContain("中央");
        string.Join(" ", texts).ShouldContain("省级");
    }
}
