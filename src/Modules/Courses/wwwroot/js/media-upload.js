// Sends the media library's upload form with fetch, the antiforgery token in the RequestVerificationToken header, so
// the server can stream the file section by section (a token in the form body would make it buffer the whole upload).
for (const form of document.querySelectorAll('form[data-media-upload]')) {
  const error = form.querySelector('[data-upload-error]');
  const busy = form.querySelector('[data-upload-busy]');
  const button = form.querySelector('button[type="submit"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    busy.hidden = false;
    button.disabled = true;
    const data = new FormData(form);
    const token = data.get('__RequestVerificationToken');
    data.delete('__RequestVerificationToken');
    // Fields first, the file last: the server reads them in this order.
    const ordered = new FormData();
    for (const name of ['Title', 'Slug', 'Captions', 'File']) {
      const value = data.get(name);
      if (value instanceof File && value.size === 0 && value.name === '') continue;
      if (value !== null) ordered.append(name, value);
    }
    try {
      const response = await fetch(form.action, { method: 'POST', body: ordered, credentials: 'same-origin', headers: { RequestVerificationToken: token } });
      const result = await response.json().catch(() => ({ ok: false, message: `Lỗi ${response.status}` }));
      if (response.ok && result.ok) {
        window.location.assign(`${window.location.pathname}?added=${encodeURIComponent(result.slug)}`);
        return;
      }
      error.textContent = result.message;
      error.hidden = false;
    } catch {
      error.textContent = 'Không gửi được tệp: hãy kiểm tra kết nối rồi thử lại.';
      error.hidden = false;
    } finally {
      busy.hidden = true;
      button.disabled = false;
    }
  });
}
