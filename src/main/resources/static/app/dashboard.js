// Bảng điều hành (/dieu-hanh): ECharts from the data-chart attributes (no inline scripts: CSP), redrawn after every
// htmx swap; refusals of the nudge button (4xx with a Vietnamese message) are shown in place of the button.
(function () {
  'use strict';
  var COLOURS = {
    COMPLETED_ON_TIME: '#2e7d32', COMPLETED_LATE: '#b45309', OPEN_WITHIN_DEADLINE: '#1d4ed8', OPEN_OVERDUE: '#b91c1c'
  };

  function draw(root) {
    if (typeof echarts === 'undefined') {
      return;
    }
    (root || document).querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var existing = echarts.getInstanceByDom(el);
      if (existing) {
        existing.dispose();
      }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        grid: { left: 44, right: 8, top: 36, bottom: 56 },
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: data.categories, axisLabel: { rotate: data.categories.length > 6 ? 45 : 0, fontSize: 11 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(function (s) {
          return { name: s.name, type: 'bar', stack: 'tong', data: s.data, itemStyle: { color: COLOURS[s.bucket] } };
        })
      });
    });
  }

  window.addEventListener('resize', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  });
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (e) { draw(e.target); });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var elt = e.detail.requestConfig && e.detail.requestConfig.elt;
    var status = e.detail.xhr.status;
    if (elt && elt.closest && elt.closest('[data-swap-errors]') && status >= 400 && status < 500) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  document.documentElement.classList.add('js');
})();
