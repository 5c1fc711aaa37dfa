// Sync page: touching a member box (of a sync or a schedule) or a date picks "these members" / "custom" for the manager,
// so the form sends what they clearly meant. Without JS the radio buttons work as they are.
document.addEventListener('change', function (event) {
  var field = event.target;
  var schedule = field.closest('form[action="/sync/schedules"]');
  if (schedule && field.name === 'memberIds') {
    var pickScheduled = schedule.querySelector('input[name=who][value=pick]');
    if (pickScheduled) pickScheduled.checked = true;
    return;
  }
  var form = field.closest('form[action="/sync/jobs"]');
  if (!form) return;
  if (field.name === 'memberIds') {
    var pick = form.querySelector('input[name=who][value=pick]');
    if (pick) pick.checked = true;
  }
  if (field.name === 'from' || field.name === 'to') {
    var custom = form.querySelector('input[name=rangeKind][value=custom]');
    if (custom) custom.checked = true;
  }
  if (field.name === 'days') {
    var last = form.querySelector('input[name=rangeKind][value=last]');
    if (last) last.checked = true;
  }
});
