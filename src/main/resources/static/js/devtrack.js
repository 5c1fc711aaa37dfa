// "Select all that are ok" on the Dev track preview
document.addEventListener('change', function (event) {
  if (!event.target.matches('[data-devtrack-all]')) return;
  document.querySelectorAll('input[data-devtrack-ok="true"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});
