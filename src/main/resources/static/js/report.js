// Draws the report's charts from the JSON the server put in data-chart-data (the CSP allows no
// inline scripts), and opens another member's report as soon as one is picked.
(function () {
  var palette = {
    Slack: '#4a154b', GitHub: '#2da44e',
    categories: ['#1f77b4', '#d62728', '#9467bd', '#2ca02c', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f']
  };

  function weekly(canvas, data) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d) {
          return { label: d.label, data: d.data, backgroundColor: palette[d.label] || '#888', stack: 'activity' };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function categories(canvas, data) {
    return new Chart(canvas, {
      type: 'doughnut',
      data: { labels: data.labels, datasets: [{ data: data.data, backgroundColor: palette.categories }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } }
    });
  }

  function draw() {
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data;
      try { data = JSON.parse(canvas.getAttribute('data-chart-data')); } catch (e) { return; }
      if (canvas.getAttribute('data-chart') === 'weekly') weekly(canvas, data);
      else if (canvas.getAttribute('data-chart') === 'categories') categories(canvas, data);
    });
  }

  document.addEventListener('change', function (event) {
    var select = event.target.closest('select[data-submit-on-change]');
    if (select && select.form) select.form.submit();
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
