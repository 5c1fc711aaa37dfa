// htmx requests carry the CSRF token the page was rendered with
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// one-click copy for any button with data-copy-target="#id"
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-target]');
  if (!button) return;
  var source = document.querySelector(button.getAttribute('data-copy-target'));
  if (!source) return;
  var text = source.value !== undefined ? source.value : source.textContent;
  var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 2000); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(source, done); });
  } else {
    fallbackCopy(source, done);
  }
});

function fallbackCopy(source, done) {
  var area = document.createElement('textarea');
  area.value = source.value !== undefined ? source.value : source.textContent;
  document.body.appendChild(area);
  area.select();
  try { document.execCommand('copy'); done(); } finally { document.body.removeChild(area); }
}
