// The SCORM runtime inside the sandboxed package frame (written for Training; served by ScormContentEndpoint with the
// attempt's values and the edition's rule table appended as the argument). SCORM calls are synchronous, so the frame
// keeps its own copy of the data and answers GetValue/SetValue at once with the edition's error codes; Commit and
// Finish/Terminate post the changed values to the player page (window.top), which persists them. The frame has an
// opaque origin: it cannot reach the site's cookies or APIs, and it never sees the learner's tokens.
(function (cfg) {
  'use strict';
  var rules = cfg.rules, errors = cfg.errors, values = cfg.values || {}, fixed = cfg.fixed || {};
  var is12 = cfg.version === '1.2';
  var dirty = {}, dirtyCount = 0, seq = 0, state = 0, lastError = 0; // state: 0 not initialised, 1 running, 2 finished
  var texts = {
    0: 'No error', 101: 'General exception', 102: 'General initialization failure', 103: 'Already initialized',
    104: 'Content instance terminated', 111: 'General termination failure', 112: 'Termination before initialization',
    113: 'Termination after termination', 122: 'Retrieve data before initialization', 123: 'Retrieve data after termination',
    132: 'Store data before initialization', 133: 'Store data after termination', 142: 'Commit before initialization',
    143: 'Commit after termination', 201: 'Invalid argument error', 202: 'Element cannot have children',
    203: 'Element not an array - cannot have count', 301: is12 ? 'Not initialized' : 'General get failure',
    351: 'General set failure', 391: 'General commit failure', 401: is12 ? 'Not implemented error' : 'Undefined data model element',
    402: is12 ? 'Invalid set value, element is a keyword' : 'Unimplemented data model element',
    403: is12 ? 'Element is read only' : 'Data model element value not initialized',
    404: is12 ? 'Element is write only' : 'Data model element is read only',
    405: is12 ? 'Incorrect data type' : 'Data model element is write only', 406: 'Data model element type mismatch',
    407: 'Data model element value out of range', 408: 'Data model dependency not established'
  };

  function normalise(element) {
    var parts = String(element).split('.'), idx = [];
    for (var i = 0; i < parts.length; i++) {
      if (/^\d{1,5}$/.test(parts[i])) { idx.push(parseInt(parts[i], 10)); parts[i] = 'n'; }
    }
    return { key: parts.join('.'), idx: idx };
  }
  function ends(s, t) { return s.length >= t.length && s.substring(s.length - t.length) === t; }
  function count(prefix) {
    var start = prefix + '.', max = -1;
    for (var k in values) {
      if (!Object.prototype.hasOwnProperty.call(values, k) || k.indexOf(start) !== 0) continue;
      var head = k.substring(start.length).split('.')[0];
      if (/^\d+$/.test(head)) max = Math.max(max, parseInt(head, 10));
    }
    return max + 1;
  }
  function indexesExist(element, creating) {
    var parts = String(element).split('.');
    for (var i = 0; i < parts.length; i++) {
      if (!/^\d{1,5}$/.test(parts[i])) continue;
      var n = parseInt(parts[i], 10), c = count(parts.slice(0, i).join('.'));
      if (n > c || (n === c && !creating)) return false;
    }
    return true;
  }
  function real(v) { return new RegExp(cfg.real).test(v); }
  function check(rule, v) {
    switch (rule.type) {
      case 'text': return v.length <= rule.maxLength ? 0 : errors.outOfRange;
      case 'vocabulary': return rule.vocabulary.indexOf(v) >= 0 ? 0 : errors.typeMismatch;
      case 'vocabularyOrReal': return rule.vocabulary.indexOf(v) >= 0 || real(v) ? 0 : errors.typeMismatch;
      case 'pattern': return new RegExp(rule.pattern).test(v) ? 0 : errors.typeMismatch;
      case 'real':
        if (v === '' && rule.allowBlank) return 0;
        if (!real(v)) return errors.typeMismatch;
        var d = parseFloat(v);
        return (rule.min != null && d < rule.min) || (rule.max != null && d > rule.max) ? errors.outOfRange : 0;
      default: return errors.typeMismatch;
    }
  }
  function get(element) {
    var n = normalise(element), rule = rules[n.key];
    if (!rule) return ['', ends(n.key, '._children') ? errors.noChildren : ends(n.key, '._count') ? errors.noCount : errors.undefined];
    if (rule.access === 'writeOnly') return ['', errors.writeOnly];
    if (!indexesExist(element, false)) return ['', errors.getFailure];
    if (rule.type === 'keyword' && ends(n.key, '._count')) return [String(count(String(element).slice(0, -7))), 0];
    if (Object.prototype.hasOwnProperty.call(values, element)) return [values[element], 0];
    if (Object.prototype.hasOwnProperty.call(fixed, element)) return [fixed[element], 0];
    return rule['default'] != null ? [rule['default'], 0] : ['', errors.notInitialized];
  }
  function set(element, v) {
    var n = normalise(element), rule = rules[n.key];
    v = v == null ? '' : String(v);
    if (!rule) return ends(n.key, '._children') || ends(n.key, '._count') ? errors.keyword : errors.undefined;
    if (rule.type === 'keyword') return errors.keyword;
    if (rule.access === 'readOnly') return errors.readOnly;
    var e = check(rule, v);
    if (e) return e;
    if (!indexesExist(element, true)) return errors.outOfOrder;
    if (!is12 && /^cmi\.(interactions|objectives)\.n\./.test(n.key) && !/^cmi\.(interactions|objectives)\.n\.id$/.test(n.key)) {
      var p = String(element).split('.');
      if (!Object.prototype.hasOwnProperty.call(values, p.slice(0, 3).join('.') + '.id')) return errors.dependency;
    }
    values[element] = v;
    if (!Object.prototype.hasOwnProperty.call(dirty, element)) dirtyCount++;
    dirty[element] = v;
    return 0;
  }
  function post(finish, unloading) {
    var changes = dirty;
    dirty = {}; dirtyCount = 0;
    try {
      window.top.postMessage({ source: 'training-scorm', kind: 'commit', seq: ++seq, values: changes, finish: !!finish, unloading: !!unloading }, '*');
      return true;
    } catch (ex) { return false; }
  }
  // State errors per edition: [before initialise, after finish].
  function guard(before, after) {
    if (state === 0) { lastError = before; return false; }
    if (state === 2) { lastError = after; return false; }
    return true;
  }
  function initialize(arg) {
    if (arg !== '' && arg != null) { lastError = 201; return 'false'; }
    if (state === 1) { lastError = is12 ? 101 : 103; return 'false'; }
    if (state === 2) { lastError = is12 ? 101 : 104; return 'false'; }
    state = 1; lastError = 0; return 'true';
  }
  function finish(arg) {
    if (arg !== '' && arg != null) { lastError = 201; return 'false'; }
    if (!guard(is12 ? 301 : 112, is12 ? 101 : 113)) return 'false';
    state = 2; lastError = post(true, false) ? 0 : (is12 ? 101 : 111);
    return lastError ? 'false' : 'true';
  }
  function commit(arg) {
    if (arg !== '' && arg != null) { lastError = 201; return 'false'; }
    if (!guard(is12 ? 301 : 142, is12 ? 101 : 143)) return 'false';
    lastError = post(false, false) ? 0 : (is12 ? 101 : 391);
    return lastError ? 'false' : 'true';
  }
  function getValue(element) {
    if (!guard(is12 ? 301 : 122, is12 ? 101 : 123)) return '';
    if (!element) { lastError = is12 ? 201 : 301; return ''; }
    var r = get(element); lastError = r[1]; return r[0];
  }
  function setValue(element, v) {
    if (!guard(is12 ? 301 : 132, is12 ? 101 : 133)) return 'false';
    if (!element) { lastError = is12 ? 201 : 351; return 'false'; }
    lastError = set(element, v); return lastError ? 'false' : 'true';
  }
  function lastErr() { return String(lastError); }
  function errText(code) { return texts[parseInt(code, 10)] || ''; }

  window.addEventListener('pagehide', function () { if (state === 1 && dirtyCount > 0) post(false, true); });
  if (is12) {
    window.API = {
      LMSInitialize: initialize, LMSFinish: finish, LMSGetValue: getValue, LMSSetValue: setValue, LMSCommit: commit,
      LMSGetLastError: lastErr, LMSGetErrorString: errText, LMSGetDiagnostic: errText
    };
  } else {
    window.API_1484_11 = {
      Initialize: initialize, Terminate: finish, GetValue: getValue, SetValue: setValue, Commit: commit,
      GetLastError: lastErr, GetErrorString: errText, GetDiagnostic: errText
    };
  }
})
