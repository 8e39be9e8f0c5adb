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
        // data-kind="line": a line per series (e.g. hour by hour), else bars
        var line = canvas.dataset.kind === 'line';
        new window.Chart(canvas, {
          type: line ? 'line' : 'bar',
          data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: JSON.parse(canvas.dataset.series).map(function (s, i) {
              return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length],
                borderColor: colours[i % colours.length], pointRadius: line ? 0 : undefined, stepped: line };
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

// A form with data-keep="name" keeps what is typed in the browser (localStorage) until the page says it was recorded
// (an element with data-forget="name"): on a patchy network nothing typed is lost, and the form's idempotency key is
// kept with it, so sending it again after a lost answer never records twice (docs/web.md, the encounter form).
(function () {
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && e.name !== '_csrf' && e.type !== 'submit' && e.type !== 'button';
    });
  }
  function save(form) {
    var state = {};
    fields(form).forEach(function (e) {
      if (e.type === 'radio' || e.type === 'checkbox') {
        if (e.checked) { state[e.name] = e.value; }
      } else {
        state[e.name] = e.value;
      }
    });
    try { window.localStorage.setItem(form.dataset.keep, JSON.stringify(state)); } catch (ignored) { }
  }
  function restore(form) {
    var stored;
    try { stored = window.localStorage.getItem(form.dataset.keep); } catch (ignored) { return; }
    if (!stored) { save(form); return; }
    var state = JSON.parse(stored);
    // A form that grows (a hidden input with data-slots counts its added blocks, e.g. another person met): a draft
    // with more blocks than the page has asks the server for the page with that many, then restores into it.
    var url = new URL(window.location.href);
    var more = false;
    form.querySelectorAll('input[data-slots]').forEach(function (e) {
      var kept = parseInt(state[e.name], 10);
      if (kept > parseInt(e.value, 10) && url.searchParams.get(e.name) !== String(kept)) {
        url.searchParams.set(e.name, String(kept));
        more = true;
      }
    });
    if (more) {
      window.location.replace(url.toString());
      return;
    }
    fields(form).forEach(function (e) {
      if (!(e.name in state) || e.hasAttribute('data-slots')) { return; } // the page's own count of blocks stands
      if (e.type === 'radio' || e.type === 'checkbox') {
        e.checked = state[e.name] === e.value;
      } else {
        e.value = state[e.name];
      }
    });
    save(form); // the draft now counts the blocks this page has
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-forget]').forEach(function (done) {
      try { window.localStorage.removeItem(done.dataset.forget); } catch (ignored) { }
    });
    document.querySelectorAll('form[data-keep]').forEach(function (form) {
      restore(form);
      form.addEventListener('input', function () { save(form); });
      form.addEventListener('change', function () { save(form); });
    });
  });
})();
