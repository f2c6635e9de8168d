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

  const bureaus = document.getElementById('chart-bureaus');
  if (bureaus) {
    new Chart(bureaus, {
      type: 'bar',
      data: { labels: bureauLabels, datasets: [
        { label: t.inTime, data: bureauOpen, backgroundColor: blue, stack: 's', maxBarThickness: 22 },
        { label: t.overdue, data: bureauOverdue, backgroundColor: red, stack: 's', maxBarThickness: 22 } ] },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
                 scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: shortLabel } } }
    });
  }
  const status = document.getElementById('chart-status');
  if (status) {
    new Chart(status, {
      type: 'doughnut',
      data: { labels: statusLabels, datasets: [{ data: statusCounts,
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
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
                 scales: { y: { ticks: shortLabel } } }
    });
  }
})();
