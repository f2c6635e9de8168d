// Charts of the supervisors' dashboard (Chart.js from its webjar). Data comes inline from the page.
(function () {
  if (typeof Chart === 'undefined') { return; }
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 11;
  Chart.defaults.animation = false; // numbers a supervisor reads, and screenshots in tests: no animation
  const blue = '#1d4e89', red = '#c0392b', green = '#2e8b57';
  // Long bureau and policy names would push the bars out of a 1366-pixel screen: cut them, the tables have them whole
  const shortLabel = { callback: function (value) {
    const label = this.getLabelForValue(value);
    return label.length > 16 ? label.slice(0, 15) + '…' : label;
  } };

  // Numbers on the chart itself: each bar's segment value inside it (when it fits), a stacked bar's total after it,
  // and each doughnut slice's count on the slice, so that a reader needs neither the axis nor a tooltip.
  const values = {
    id: 'hubValues',
    afterDatasetsDraw: function (chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = '11px ' + Chart.defaults.font.family;
      ctx.textBaseline = 'middle';
      const doughnut = chart.config.type === 'doughnut';
      chart.data.datasets.forEach(function (ds, i) {
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) { return; }
        meta.data.forEach(function (el, j) {
          const v = ds.data[j];
          if (!v) { return; }
          if (doughnut) {
            const p = el.tooltipPosition();
            ctx.fillStyle = '#fff'; ctx.textAlign = 'center';
            ctx.fillText(v, p.x, p.y);
          } else if (Math.abs(el.x - el.base) > 18) {
            ctx.fillStyle = '#fff'; ctx.textAlign = 'center';
            ctx.fillText(v, (el.x + el.base) / 2, el.y);
          }
        });
      });
      if (!doughnut && chart.options.plugins.hubValues && chart.options.plugins.hubValues.totals) {
        const last = chart.getDatasetMeta(chart.data.datasets.length - 1);
        last.data.forEach(function (el, j) {
          const total = chart.data.datasets.reduce(function (s, ds) { return s + (ds.data[j] || 0); }, 0);
          ctx.fillStyle = '#333'; ctx.textAlign = 'left';
          ctx.fillText(total, el.x + 4, el.y);
        });
      }
      ctx.restore();
    }
  };

  const bureaus = document.getElementById('chart-bureaus');
  if (bureaus) {
    // bureaus with work, most first; the box grows with them so that 26 and more bureaus stay readable
    const order = bureauLabels.map(function (l, i) { return i; })
      .filter(function (i) { return bureauOpen[i] + bureauOverdue[i] > 0; })
      .sort(function (a, b) {
        return (bureauOpen[b] + bureauOverdue[b]) - (bureauOpen[a] + bureauOverdue[a]) || bureauOverdue[b] - bureauOverdue[a];
      });
    bureaus.parentElement.style.height = Math.max(210, 22 * order.length + 60) + 'px';
    new Chart(bureaus, {
      type: 'bar',
      data: { labels: order.map(function (i) { return bureauLabels[i]; }), datasets: [
        { label: t.inTime, data: order.map(function (i) { return bureauOpen[i]; }), backgroundColor: blue, stack: 's', maxBarThickness: 18 },
        { label: t.overdue, data: order.map(function (i) { return bureauOverdue[i]; }), backgroundColor: red, stack: 's', maxBarThickness: 18 } ] },
      plugins: [values],
      options: { indexAxis: 'y', maintainAspectRatio: false, layout: { padding: { right: 28 } },
                 plugins: { legend: { position: 'bottom' }, hubValues: { totals: true } },
                 scales: { x: { stacked: true, ticks: { precision: 0 } },
                           y: { stacked: true, ticks: Object.assign({ autoSkip: false }, shortLabel) } } }
    });
  }
  const status = document.getElementById('chart-status');
  if (status) {
    new Chart(status, {
      type: 'doughnut',
      plugins: [values],
      // the legend says each status with its count, so colours need not be matched by eye
      data: { labels: statusLabels.map(function (l, i) { return l + '  ' + statusCounts[i]; }), datasets: [{ data: statusCounts,
        backgroundColor: ['#9aa5b1', blue, '#e0a800', '#6f42c1', '#17a2b8', green, red, '#6c757d'] }] },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'right', labels: { boxWidth: 10 } } } }
    });
  }
  const policies = document.getElementById('chart-policies');
  if (policies) {
    new Chart(policies, {
      type: 'bar',
      data: { labels: policyLabels, datasets: [
        { label: t.amount, data: policyAmounts, backgroundColor: blue, maxBarThickness: 18 },
        { label: t.paid, data: policyPaid, backgroundColor: green, maxBarThickness: 18 } ] },
      plugins: [values],
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
                 scales: { y: { ticks: Object.assign({ autoSkip: false }, shortLabel) } } }
    });
  }
})();
