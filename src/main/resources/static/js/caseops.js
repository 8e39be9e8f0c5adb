// CaseOps pages' only script (besides htmx and Chart.js): no inline script, the CSP forbids it (docs/web.md).
// A <canvas class="chart" data-labels='[...]' data-values='[...]' data-title="..."> becomes a bar chart when
// Chart.js is on the page; the numbers are also in the page as text for everyone who cannot see the picture.
// (with data-series='[{"label":..,"data":[..]}, ...]' instead of data-values: one bar per series and label)
(function () {
  function drawCharts(root) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas.chart[data-labels]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'yes';
      if (canvas.dataset.series) {
        // several series (e.g. people staged against a site's capacity): [{label, data}, ...]
        var colours = ['#1a3d5c', '#8a8a8a', '#b35900', '#c9c9c9'];
        new window.Chart(canvas, {
          type: 'bar',
          data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: JSON.parse(canvas.dataset.series).map(function (s, i) {
              return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length] };
            })
          },
          options: { animation: false, maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
        return;
      }
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: JSON.parse(canvas.dataset.labels),
          datasets: [{ label: canvas.dataset.title || '', data: JSON.parse(canvas.dataset.values),
            backgroundColor: '#1a3d5c' }]
        },
        options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSettle', function (e) { drawCharts(e.target); });
})();
