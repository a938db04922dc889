// Quiz countdown (CSP: served from the module, no inline script). The server renders the seconds left and enforces
// the deadline itself; this only shows the time and submits the form at zero, marking it as sent by the timer so an
// attempt with nothing answered is graded instead of refused.
(() => {
  const box = document.querySelector('[data-quiz-timer]');
  const form = document.querySelector('[data-quiz-form]');
  if (!box || !form) return;
  const clock = box.querySelector('[data-quiz-clock]');
  const announce = box.querySelector('[data-quiz-announce]');
  const deadline = Date.now() + Number(box.getAttribute('data-seconds-left')) * 1000;
  const format = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  let sent = false;
  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    clock.textContent = format(left);
    box.classList.toggle('quiz-timer-low', left <= 60);
    // Screen readers hear the milestones, not every second.
    if (announce && (left === 300 || left === 60 || left === 10)) announce.textContent = `${format(left)}`;
    if (left > 0) {
      window.setTimeout(tick, 250);
    } else if (!sent) {
      sent = true;
      form.querySelector('[data-quiz-timeup]').value = 'true';
      form.submit();
    }
  };
  tick();
})();
