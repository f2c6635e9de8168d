// A follow-up task's chart: the enterprise's revenue and electricity by month, the month that put it on the
// fluctuation list marked (a larger red point and a red label).
(function () {
  const canvas = document.getElementById('follow-up-chart');
  if (!canvas || !window.Chart) { return; }
  const d = canvas.dataset;
  const periods = d.periods ? d.periods.split(',') : [];
  const numbers = function (s) { return (s || '').split(',').map(function (v) { return v === '' ? null : Number(v); }); };
  const flagged = periods.indexOf(d.flagged);
  const mark = function (colour) {
    return {
      pointRadius: periods.map(function (p, i) { return i === flagged ? 7 : 2; }),
      pointBackgroundColor: periods.map(function (p, i) { return i === flagged ? '#c0392b' : colour; }),
      borderColor: colour, backgroundColor: colour, spanGaps: true, tension: 0.2
    };
  };
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: periods.map(function (p, i) { return i === flagged ? p + ' ▼' : p; }),
      datasets: [
        Object.assign({ label: d.labelRevenue, data: numbers(d.revenue), yAxisID: 'y' }, mark('#1f5fa8')),
        Object.assign({ label: d.labelElectricity, data: numbers(d.electricity), yAxisID: 'y1' }, mark('#e67e22'))
      ]
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: {
        x: { ticks: { color: function (c) { return c.index === flagged ? '#c0392b' : '#555'; } } },
        y: { position: 'left', title: { display: true, text: d.labelRevenue } },
        y1: { position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: d.labelElectricity } }
      }
    }
  });
})();
