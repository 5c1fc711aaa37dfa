// Team import: the search box filters the workspace's people as you type (name, display name,
// email). Without JavaScript the same box submits and the server filters.
(function () {
  function setUp() {
    var box = document.getElementById('import-search');
    var rows = document.querySelectorAll('#import-people tbody tr[data-search]');
    var shown = document.getElementById('import-shown');
    if (!box || rows.length === 0) return;
    function filter() {
      var words = box.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var count = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute('data-search');
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) count++;
      });
      if (shown) shown.textContent = count + ' shown';
    }
    box.addEventListener('input', filter);
    var form = box.form;
    if (form) form.addEventListener('submit', function (e) { e.preventDefault(); filter(); });
    filter();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
