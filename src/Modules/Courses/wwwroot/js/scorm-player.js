// The player page's half of the SCORM runtime (Training). The sandboxed package frame posts its commits here; this
// page, signed in and holding the antiforgery token, persists them to the learner's attempt and tells the frame.
(function () {
  'use strict';
  var player = document.querySelector('[data-scorm-player]');
  if (!player) return;
  var frame = player.querySelector('iframe');
  var status = player.querySelector('[data-scorm-status]');
  var queue = Promise.resolve();

  // Messages count only from the package frame or a frame inside it (a SCO may nest its pages).
  function fromFrame(source) {
    for (var w = source, i = 0; w && i < 10; i++) {
      if (w === frame.contentWindow) return true;
      if (w === w.parent) return false;
      w = w.parent;
    }
    return false;
  }

  function send(message, source) {
    return fetch(player.dataset.commitUrl, {
      method: 'POST', credentials: 'same-origin', keepalive: !!message.unloading,
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': player.dataset.token },
      body: JSON.stringify({ values: message.values || {}, finish: !!message.finish })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        var ok = response.ok && body.ok;
        status.textContent = ok ? (body.lessonDone ? player.dataset.doneText : player.dataset.savedText) : (body.error || player.dataset.failText);
        if (ok && body.lessonDone) document.body.classList.add('scorm-lesson-done');
        reply(source, message.seq, ok);
      });
    }).catch(function () {
      status.textContent = player.dataset.failText;
      reply(source, message.seq, false);
    });
  }

  function reply(source, seq, ok) {
    // The frame's origin is opaque ("null"), so it cannot be named; the reply carries nothing secret.
    try { source.postMessage({ source: 'training-scorm', kind: 'committed', seq: seq, ok: ok }, '*'); } catch (e) { /* frame gone */ }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'training-scorm' || data.kind !== 'commit' || !fromFrame(event.source)) return;
    queue = queue.then(function () { return send(data, event.source); });
  });
})();
