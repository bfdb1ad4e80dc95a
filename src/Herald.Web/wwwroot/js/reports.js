// 先声 Herald — 统计报表页：时期选择显隐、打印按钮、ECharts 图表（数据在页面 #report-chart-data 的 data-json 属性里）。
(function () {
  'use strict';

  function initPeriod() {
    var select = document.querySelector('[data-period-select]');
    if (!select) return;
    var update = function () {
      document.querySelectorAll('[data-period-part]').forEach(function (el) {
        var parts = el.getAttribute('data-period-part').split(' ');
        el.classList.toggle('d-none', parts.indexOf(select.value) < 0);
      });
    };
    select.addEventListener('change', update);
    update();
  }

  function initPrint() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function initCharts() {
    var source = document.getElementById('report-chart-data');
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.getAttribute('data-json'));
    var charts = [];
    var trendEl = document.getElementById('chart-trend');
    if (trendEl) {
      var trend = window.echarts.init(trendEl);
      trend.setOption({
        title: { text: data.labels.trend, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, data: [data.labels.submitted, data.labels.adopted, data.labels.points] },
        grid: { left: 40, right: 48, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: data.months },
        yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', splitLine: { show: false } }],
        series: [
          { name: data.labels.submitted, type: 'bar', data: data.submitted },
          { name: data.labels.adopted, type: 'bar', data: data.adopted },
          { name: data.labels.points, type: 'line', yAxisIndex: 1, data: data.points }
        ]
      });
      charts.push(trend);
    }
    var levelsEl = document.getElementById('chart-levels');
    if (levelsEl) {
      var levels = window.echarts.init(levelsEl);
      levels.setOption({
        title: { text: data.labels.levels, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
        legend: { bottom: 0 },
        // 窄卡片（桌面三分之一宽）里外侧标签空间有限：饼小一些、标签两行、引线短，放不下时折行而不截成"中…"。
        series: [{
          type: 'pie', radius: ['28%', '52%'], center: ['50%', '52%'],
          data: data.levels.filter(function (l) { return l.value > 0; }),
          label: { formatter: '{b}\n{c}', overflow: 'break', lineHeight: 14 },
          labelLine: { length: 6, length2: 6 }
        }]
      });
      charts.push(levels);
    }
    var resize = function () { charts.forEach(function (c) { c.resize(); }); };
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
  }

  document.addEventListener('DOMContentLoaded', function () {
    initPeriod();
    initPrint();
    initCharts();
  });
})();
