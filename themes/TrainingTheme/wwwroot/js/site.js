// Progressive enhancement only: every form works without this script.
document.addEventListener('DOMContentLoaded', () => {
  document.documentElement.classList.add('js');
  // Disclosures folded on phones and shown on wider screens (site menu, search facets): CSS already shows
  // their content on wide screens; keeping `open` in step makes the announced state match what is shown.
  const wide = window.matchMedia('(min-width: 48.01rem)');
  const folds = document.querySelectorAll('details.wide-open');
  const syncFolds = () => folds.forEach((details) => { details.open = wide.matches; });
  syncFolds();
  wide.addEventListener('change', syncFolds);
  // Escape closes the phone menu and returns focus to its button.
  document.querySelectorAll('details.site-menu').forEach((menu) => {
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open || wide.matches) return;
      menu.open = false;
      menu.querySelector('summary').focus();
    });
  });
  // Language selector submits on change.
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form && select.form.submit());
  });
  // Buttons that need a confirmation: <button data-confirm="...">.
  document.querySelectorAll('[data-confirm]').forEach((el) => {
    el.addEventListener('click', (event) => {
      if (!window.confirm(el.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
  // Quiz timer: <span data-deadline="ISO"> counts down; the server enforces the limit.
  document.querySelectorAll('[data-deadline]').forEach((el) => {
    const deadline = Date.parse(el.getAttribute('data-deadline'));
    const tick = () => {
      const left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      el.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      if (left > 0) window.setTimeout(tick, 1000);
    };
    tick();
  });
});
