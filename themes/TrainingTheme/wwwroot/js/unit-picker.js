// Unit picker (issue 11): progressive enhancement of the shared partial _UnitPicker. Without this script the
// "Tìm đơn vị" button posts the form and the server fills the select; with it, the search box becomes an ARIA 1.2
// combobox whose listbox shows pages of matches from the JSON endpoint, and the chosen unit is written into the select
// (which keeps posting the value). Results are rendered with textContent only, never as HTML.
(() => {
  const pickers = () => document.querySelectorAll('[data-unit-picker]');

  const setup = (root) => {
    const input = root.querySelector('input[type=search]');
    const select = root.querySelector('select');
    const list = root.querySelector('[role=listbox]');
    const more = root.querySelector('.unit-picker-more');
    const status = root.querySelector('[data-unit-status]');
    const path = root.querySelector('[data-unit-path]');
    const url = root.getAttribute('data-search-url');
    const required = root.getAttribute('data-required') === 'true';
    let items = [];
    let active = -1;
    let page = 1;
    let query = '';
    let timer = 0;
    let controller = null;
    let chosenLabel = input.value;

    root.querySelector('.unit-picker-fallback').hidden = true;
    root.querySelector('.unit-picker-find').hidden = true;
    select.required = false;
    input.required = required;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    const say = (text) => { status.textContent = text; };
    const format = (template, n) => template.replace('{0}', String(n));

    const close = () => {
      list.hidden = true;
      more.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };

    const highlight = (index) => {
      const options = list.querySelectorAll('[role=option]');
      options.forEach((o, i) => o.setAttribute('aria-selected', i === index ? 'true' : 'false'));
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    };

    const choose = (index) => {
      const unit = items[index];
      if (!unit) return;
      select.replaceChildren(new Option(`${unit.name} (${unit.code})`, unit.id, true, true));
      input.value = unit.name;
      chosenLabel = unit.name;
      path.textContent = unit.path;
      input.setCustomValidity('');
      close();
      say(unit.path);
    };

    const render = (data, append) => {
      if (!append) { list.replaceChildren(); items = []; }
      data.items.forEach((unit) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.id = `${list.id}-${items.length}`;
        li.setAttribute('aria-selected', 'false');
        const name = document.createElement('span');
        name.className = 'unit-picker-name';
        name.textContent = `${unit.name} · ${unit.code}`;
        const where = document.createElement('span');
        where.className = 'unit-picker-where';
        where.textContent = unit.path;
        li.append(name, where);
        const index = items.length;
        li.addEventListener('mousedown', (event) => event.preventDefault());
        li.addEventListener('click', () => choose(index));
        list.append(li);
        items.push(unit);
      });
      list.hidden = items.length === 0;
      more.hidden = !data.hasMore;
      input.setAttribute('aria-expanded', items.length > 0 ? 'true' : 'false');
      say(data.total === 0 ? root.getAttribute('data-none') : format(root.getAttribute('data-count'), data.total));
    };

    const search = async (append) => {
      if (controller) controller.abort();
      controller = new AbortController();
      const next = append ? page + 1 : 1;
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(query)}&page=${next}`,
          { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        page = data.page;
        render(data, append);
        if (!append) highlight(-1);
      } catch (error) {
        if (error.name !== 'AbortError') say(root.getAttribute('data-failed'));
      }
    };

    input.addEventListener('input', () => {
      // Typing after a choice drops it: the posted value must always be what the box shows.
      if (input.value !== chosenLabel && select.value) {
        select.replaceChildren(new Option('', '', true, true));
        path.textContent = '';
        chosenLabel = '';
      }
      query = input.value.trim();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => search(false), 250);
    });

    input.addEventListener('focus', () => { if (!select.value && items.length === 0) { query = input.value.trim(); search(false); } });

    input.addEventListener('keydown', (event) => {
      const count = items.length;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (list.hidden) { query = input.value.trim(); search(false); return; }
        if (active === count - 1 && !more.hidden) { search(true).then(() => highlight(count)); return; }
        highlight(Math.min(active + 1, count - 1));
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === 'Enter') {
        // Enter picks the highlighted unit instead of submitting the form.
        if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
        else if (!list.hidden && count === 1) { event.preventDefault(); choose(0); }
      } else if (event.key === 'Escape') {
        if (!list.hidden) { event.preventDefault(); close(); }
      }
    });

    input.addEventListener('blur', () => window.setTimeout(() => {
      if (!root.contains(document.activeElement)) close();
    }, 150));

    more.addEventListener('click', () => { search(true); input.focus(); });

    // A required picker with text but no choice is refused before the post (the server checks again).
    const form = input.form;
    if (form) {
      form.addEventListener('submit', (event) => {
        if (required && !select.value) {
          event.preventDefault();
          input.setCustomValidity(root.getAttribute('data-none'));
          input.reportValidity();
        }
      });
    }
  };

  const start = () => pickers().forEach(setup);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
