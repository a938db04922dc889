// Media of lessons (issue 14): PDFs shown inline with pdf.js, and for enrolled learners the video player's resume
// position and progress (a video counts as watched at 90 %, which completes the lesson). Loaded as a module; no inline
// script, pdf.js and its worker come from this site.
const pdfBase = '/_content/Courses/lib/pdfjs/';

async function showPdf(link) {
  const viewer = document.createElement('div');
  viewer.className = 'media-pdf-viewer';
  viewer.setAttribute('role', 'region');
  viewer.setAttribute('aria-label', link.textContent);
  const host = link.closest('p') || link;
  host.after(viewer);
  try {
    const pdfjs = await import(pdfBase + 'pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = pdfBase + 'pdf.worker.min.mjs';
    const pdf = await pdfjs.getDocument({ url: link.href, isEvalSupported: false, withCredentials: true }).promise;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const width = Math.max(viewer.clientWidth, 280);
      const unscaled = page.getViewport({ scale: 1 });
      const scale = width / unscaled.width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.className = 'media-pdf-page';
      canvas.setAttribute('aria-label', `${link.textContent} – ${n}/${pdf.numPages}`);
      viewer.append(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    viewer.dataset.pages = String(pdf.numPages);
  } catch (e) {
    viewer.textContent = viewer.dataset.error || 'Không hiển thị được PDF: hãy mở tệp bằng liên kết ở trên.';
    viewer.dataset.failed = 'true';
  }
}

function trackVideos(lesson) {
  const token = lesson.querySelector('input[name="__RequestVerificationToken"]').value;
  const done = document.getElementById('video-done');
  for (const video of document.querySelectorAll('video.media-video')) {
    const match = /\/courses\/media\/([0-9a-f-]{36})/.exec(video.getAttribute('src') || '');
    if (!match) continue;
    const url = `/courses/media/${match[1]}/progress`;
    let lastSent = 0;
    let sending = false;
    const send = async (force) => {
      if (!isFinite(video.duration) || video.duration <= 0) return;
      const now = Date.now();
      if (!force && (sending || now - lastSent < 10000)) return;
      lastSent = now;
      sending = true;
      try {
        const response = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
          body: JSON.stringify({ lessonId: lesson.dataset.lesson, position: video.currentTime, duration: video.duration }),
        });
        if (response.ok) {
          const state = await response.json();
          if (state.watched) video.dataset.watched = 'true';
          if (state.lessonDone && done) {
            done.hidden = false;
            lesson.querySelector('.video-hint')?.remove();
          }
        }
      } finally {
        sending = false;
      }
    };
    fetch(url, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : null).then(state => {
      if (!state || !(state.position > 3)) return;
      const resume = () => { if (state.position < video.duration - 3) video.currentTime = state.position; };
      if (video.readyState >= 1) resume(); else video.addEventListener('loadedmetadata', resume, { once: true });
    });
    video.addEventListener('timeupdate', () => {
      const nearEnd = video.duration > 0 && video.currentTime >= 0.9 * video.duration && video.dataset.watched !== 'true';
      send(nearEnd && !sending);
    });
    video.addEventListener('pause', () => send(true));
    video.addEventListener('seeked', () => send(true));
    video.addEventListener('ended', () => send(true));
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') send(true); });
  }
}

for (const link of document.querySelectorAll('.prose a.media-pdf')) showPdf(link);
const lesson = document.getElementById('video-lesson');
if (lesson) trackVideos(lesson);
