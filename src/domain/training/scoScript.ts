/**
 * The script of an exported SCO (sco.js in the package). It runs inside another learning
 * platform, so it is plain ES5 with no dependencies: it finds the SCORM 1.2 run-time (`API`
 * in a parent frame or the opener), pages through the lessons, grades the quiz exactly as the
 * platform does (training/quiz.ts), and reports lesson status and score to the run-time.
 */
export const SCO_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('module-data').textContent);
  var started = new Date().getTime();
  var finished = false;

  function findApi(win) {
    for (var i = 0; win && i < 12; i++) {
      if (win.API) return win.API;
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  function lms(name) {
    if (!api) return '';
    var args = Array.prototype.slice.call(arguments, 1);
    return String(api[name].apply(api, args));
  }

  if (api && lms('LMSInitialize', '') === 'true') {
    var status = lms('LMSGetValue', 'cmi.core.lesson_status');
    if (status === '' || status === 'not attempted') lms('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');
    lms('LMSCommit', '');
  } else {
    document.getElementById('no-lms').hidden = false;
  }

  var pages = document.querySelectorAll('[data-page]');
  var current = 0;
  function show(i) {
    current = Math.max(0, Math.min(pages.length - 1, i));
    for (var k = 0; k < pages.length; k++) pages[k].hidden = k !== current;
    document.getElementById('back').disabled = current === 0;
    document.getElementById('next').hidden = current === pages.length - 1;
    document.getElementById('position').textContent = (current + 1) + ' / ' + pages.length;
    if (api && !finished) {
      lms('LMSSetValue', 'cmi.core.lesson_location', String(current));
      lms('LMSCommit', '');
    }
    window.scrollTo(0, 0);
  }
  document.getElementById('back').onclick = function () { show(current - 1); };
  document.getElementById('next').onclick = function () { show(current + 1); };

  function grade(q, form) {
    var name = 'q-' + q.id;
    if (q.type === 'single') {
      var picked = form.querySelector('input[name="' + name + '"]:checked');
      var o = picked ? q.options.filter(function (x) { return x.id === picked.value; })[0] : null;
      return { points: o && o.correct ? 1 : 0, feedback: o ? [o.feedback] : [] };
    }
    if (q.type === 'multiple') {
      var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
      var chosen = [];
      for (var b = 0; b < boxes.length; b++) chosen.push(boxes[b].value);
      var right = q.options.filter(function (x) { return x.correct; });
      var hits = 0, misses = 0, fb = [];
      q.options.forEach(function (x) {
        if (chosen.indexOf(x.id) < 0) return;
        fb.push(x.feedback);
        if (x.correct) hits++; else misses++;
      });
      return { points: Math.max(0, (hits - misses) / right.length), feedback: fb };
    }
    if (q.type === 'matching') {
      var wrong = [];
      q.pairs.forEach(function (p) {
        var sel = form.querySelector('select[name="' + name + '-' + p.id + '"]');
        if (!sel || sel.value !== p.right) wrong.push(p.feedback);
      });
      return { points: (q.pairs.length - wrong.length) / q.pairs.length, feedback: wrong };
    }
    var input = form.querySelector('input[name="' + name + '"]');
    var v = input && input.value !== '' ? Number(input.value.replace(',', '.')) : NaN;
    if (isNaN(v)) return { points: 0, feedback: [] };
    var ok = Math.abs(v - q.answer) <= q.tolerance;
    return { points: ok ? 1 : 0, feedback: [ok ? q.feedback.correct : q.feedback.incorrect] };
  }

  function sessionTime() {
    var s = Math.round((new Date().getTime() - started) / 1000);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    var h = Math.floor(s / 3600);
    return (h < 1000 ? ('000' + h).slice(-4) : String(h)) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
  }

  function finish() {
    if (finished || !api) return;
    finished = true;
    lms('LMSSetValue', 'cmi.core.session_time', sessionTime());
    lms('LMSSetValue', 'cmi.core.exit', '');
    lms('LMSCommit', '');
    lms('LMSFinish', '');
  }

  var form = document.getElementById('quiz');
  form.onsubmit = function (e) {
    e.preventDefault();
    var total = 0;
    data.quiz.questions.forEach(function (q) {
      var r = grade(q, form);
      total += r.points;
      var box = document.getElementById('feedback-' + q.id);
      box.textContent = '';
      r.feedback.forEach(function (f) {
        var p = document.createElement('p');
        p.textContent = f;
        box.appendChild(p);
      });
      box.className = 'feedback ' + (r.points === 1 ? 'right' : 'wrong');
    });
    var score = Math.round(100 * total / data.quiz.questions.length);
    var passed = score >= data.quiz.passMark;
    var result = document.getElementById('result');
    result.textContent = data.text[passed ? 'passed' : 'failed'].replace('{score}', String(score)).replace('{passMark}', String(data.quiz.passMark));
    result.hidden = false;
    if (api) {
      lms('LMSSetValue', 'cmi.core.score.min', '0');
      lms('LMSSetValue', 'cmi.core.score.max', '100');
      lms('LMSSetValue', 'cmi.core.score.raw', String(score));
      lms('LMSSetValue', 'cmi.core.lesson_status', passed ? 'passed' : 'failed');
      lms('LMSCommit', '');
    }
    document.getElementById('finish').hidden = false;
  };
  document.getElementById('finish').onclick = function () {
    finish();
    document.getElementById('done').hidden = false;
  };
  window.addEventListener('pagehide', finish);
  show(0);
})();
`;
