// The organisers' console (/admin): fills the panels from the admin JSON API with the session cookie, sends
// changes with the session's CSRF token, and refreshes while the page is visible. Builds every element with
// textContent (never innerHTML), so nothing an attendee typed can run here.
(function () {
  'use strict';

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var statusLine = document.getElementById('console-status');
  var SVG = 'http://www.w3.org/2000/svg';
  var REFRESH_MS = 15000;
  var registrations = [];
  var sessionsById = {};

  function $(id) {
    return document.getElementById(id);
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function say(text, kind) {
    statusLine.textContent = text;
    statusLine.className = 'notice ' + (kind || 'info');
  }
  function when(iso) {
    if (!iso) return '–';
    var d = new Date(iso);
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** Calls the admin API with the session cookie; changes carry the CSRF token. An expired session goes back to sign-in. */
  function api(path, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = csrf;
    }
    return fetch(path, { method: options.method || (options.body !== undefined ? 'POST' : 'GET'), credentials: 'same-origin', headers: headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }).then(function (res) {
      if (res.status === 401) {
        window.location.assign('/admin');
        throw new Error('Your session has ended; please sign in again.');
      }
      return res.json().then(
        function (json) {
          if (!res.ok) throw new Error(json.message || 'The server answered ' + res.status + '.');
          return json;
        },
        function () {
          throw new Error('The server answered ' + res.status + '.');
        },
      );
    });
  }

  // ---- Registrations -------------------------------------------------------------------------------------------

  /** Horizontal bars, largest first (the table beside it carries the same numbers for screen readers). */
  function barChart(counts, limit) {
    var rows = counts.slice(0, limit);
    var max = Math.max.apply(null, rows.map(function (c) { return c.count; }).concat([1]));
    var rowH = 22;
    var chart = svg('svg', { viewBox: '0 0 320 ' + Math.max(rowH, rows.length * rowH), class: 'bars', focusable: 'false' });
    rows.forEach(function (c, i) {
      var y = i * rowH;
      var label = svg('text', { x: 0, y: y + 15, class: 'bar-label' });
      label.textContent = c.label.length > 18 ? c.label.slice(0, 17) + '…' : c.label;
      chart.appendChild(label);
      chart.appendChild(svg('rect', { x: 130, y: y + 4, height: rowH - 8, width: Math.max(2, (150 * c.count) / max), rx: 2, class: 'bar' }));
      var n = svg('text', { x: 130 + Math.max(2, (150 * c.count) / max) + 6, y: y + 15, class: 'bar-count' });
      n.textContent = String(c.count);
      chart.appendChild(n);
    });
    return chart;
  }

  /** Columns in time order, one per day of registration. */
  function columnChart(counts) {
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; }).concat([1]));
    var w = Math.max(1, counts.length);
    var colW = Math.min(40, 300 / w);
    var chart = svg('svg', { viewBox: '0 0 320 130', class: 'columns', focusable: 'false' });
    counts.forEach(function (c, i) {
      var h = Math.max(2, (90 * c.count) / max);
      var x = 10 + i * colW;
      chart.appendChild(svg('rect', { x: x + 2, y: 105 - h, width: Math.max(2, colW - 4), height: h, rx: 2, class: 'bar' }));
      var n = svg('text', { x: x + colW / 2, y: 100 - h, class: 'bar-count', 'text-anchor': 'middle' });
      n.textContent = String(c.count);
      chart.appendChild(n);
      if (counts.length <= 10 || i === 0 || i === counts.length - 1) {
        var d = svg('text', { x: x + colW / 2, y: 122, class: 'bar-label', 'text-anchor': 'middle' });
        d.textContent = c.label.slice(5);
        chart.appendChild(d);
      }
    });
    return chart;
  }

  function breakdown(id, counts, chart) {
    var panel = $('by-' + id);
    var chartBox = panel.querySelector('[data-chart]');
    clear(chartBox);
    if (counts.length) chartBox.appendChild(chart(counts));
    var body = panel.querySelector('[data-rows]');
    clear(body);
    counts.forEach(function (c) {
      body.appendChild(el('tr', {}, [el('th', { scope: 'row', text: c.label }), el('td', { className: 'num', text: String(c.count) })]));
    });
    if (!counts.length) body.appendChild(el('tr', {}, [el('td', { colspan: '2', text: 'None yet.' })]));
  }

  function renderSearch() {
    var q = $('registration-search').value.trim().toLowerCase();
    var rows = registrations.filter(function (r) {
      if (!q) return true;
      return [r.reference, r.fullName, r.email, r.organisation, r.country, r.countryCode, r.category].some(function (v) {
        return String(v || '').toLowerCase().indexOf(q) >= 0;
      });
    });
    rows.sort(function (a, b) { return b.createdAt.localeCompare(a.createdAt); });
    var body = $('registration-results').querySelector('tbody');
    clear(body);
    rows.slice(0, 200).forEach(function (r) {
      body.appendChild(
        el('tr', {}, [
          el('td', { text: r.reference }),
          el('td', { text: r.fullName }),
          el('td', { text: r.email }),
          el('td', { text: r.organisation }),
          el('td', { text: r.country }),
          el('td', { text: r.category }),
          el('td', { text: r.reminders }),
          el('td', { text: when(r.createdAt) }),
        ]),
      );
    });
    $('registration-count').textContent = q
      ? rows.length + ' of ' + registrations.length + ' registrations match' + (rows.length > 200 ? ' (first 200 shown).' : '.')
      : registrations.length + ' registrations' + (rows.length > 200 ? ' (newest 200 shown).' : '.');
  }

  function loadRegistrations() {
    return Promise.all([api('/api/admin/registrations/summary'), api('/api/admin/registrations')]).then(function (r) {
      var summary = r[0];
      registrations = r[1].registrations;
      $('total-registrations').textContent = String(summary.total);
      $('total-with-reminders').textContent = String(summary.withReminders);
      $('total-countries').textContent = String(summary.byCountry.length);
      breakdown('country', summary.byCountry, function (c) { return barChart(c, 10); });
      breakdown('category', summary.byCategory, function (c) { return barChart(c, 10); });
      breakdown('day', summary.byDay, columnChart);
      renderSearch();
    });
  }

  // ---- Reminders -----------------------------------------------------------------------------------------------

  var STATE_LABEL = { scheduled: 'Scheduled', sending: 'Due now', closed: 'Session started' };

  function loadReminders() {
    return api('/api/admin/reminders').then(function (report) {
      $('reminders-next').textContent = report.nextDueAt
        ? 'Reminders go out ' + report.leadMinutes + ' minutes before each session. Next due: ' + when(report.nextDueAt) + '.'
        : 'Reminders go out ' + report.leadMinutes + ' minutes before each session. Nothing more is due.';
      var body = $('reminders-table').querySelector('tbody');
      clear(body);
      sessionsById = {};
      report.sessions.forEach(function (s) {
        sessionsById[s.sessionId] = s;
        var reasons = Object.keys(s.failures || {}).map(function (k) { return k + ': ' + s.failures[k]; });
        var failedCell = el('td', { className: 'num', text: String(s.failed) });
        if (reasons.length) failedCell.appendChild(el('span', { className: 'reasons', text: ' (' + reasons.join('; ') + ')' }));
        body.appendChild(
          el('tr', { 'data-session': s.sessionId }, [
            el('th', { scope: 'row', text: 'Day ' + s.day + ': ' + s.title }),
            el('td', { text: when(s.dueAt) }),
            el('td', { className: 'num', text: String(s.followers) }),
            el('td', { className: 'num', text: String(s.sent) }),
            failedCell,
            el('td', { className: 'num', text: s.state === 'closed' ? (s.missed ? s.missed + ' not reached' : '0') : String(s.pending) }),
            el('td', { text: STATE_LABEL[s.state] || s.state }),
          ]),
        );
      });
      fillAudience(report.sessions);
    });
  }

  function fillAudience(sessions) {
    var select = $('announce-audience');
    var chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    sessions.forEach(function (s) {
      var option = el('option', { value: s.sessionId, text: 'Followers of Day ' + s.day + ': ' + s.title + ' (' + s.followers + ')' });
      select.appendChild(option);
    });
    select.value = sessionsById[chosen] ? chosen : '';
    describeAudience();
  }

  function describeAudience() {
    var s = sessionsById[$('announce-audience').value];
    var n = s ? s.followers : registrations.length;
    $('announce-recipients').textContent = 'Goes to ' + n + ' attendee' + (n === 1 ? '' : 's') + (s ? ' following “' + s.title + '”.' : ' (everyone registered).');
  }

  // ---- Announcements -------------------------------------------------------------------------------------------

  /** The chat's light markdown as DOM: paragraphs, "- " lists, **bold**, _italic_, [text](https://…). */
  function inline(text, into) {
    var pattern = /\*\*([^*]+)\*\*|(^|[^\w])_([^_]+)_|\*([^*]+)\*|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/;
    var rest = text;
    var m;
    while ((m = pattern.exec(rest))) {
      var before = rest.slice(0, m.index) + (m[2] || '');
      if (before) into.appendChild(document.createTextNode(before));
      if (m[1]) into.appendChild(el('strong', { text: m[1] }));
      else if (m[3] || m[4]) into.appendChild(el('em', { text: m[3] || m[4] }));
      else into.appendChild(el('a', { href: m[6], rel: 'noopener noreferrer', target: '_blank', text: m[5] }));
      rest = rest.slice(m.index + m[0].length);
    }
    if (rest) into.appendChild(document.createTextNode(rest));
  }
  function markdown(text, into) {
    clear(into);
    text.split(/\n{2,}/).forEach(function (block) {
      var lines = block.split('\n');
      if (lines.every(function (l) { return /^\s*[-*•]\s+/.test(l); })) {
        var ul = el('ul');
        lines.forEach(function (l) {
          var li = el('li');
          inline(l.replace(/^\s*[-*•]\s+/, ''), li);
          ul.appendChild(li);
        });
        into.appendChild(ul);
        return;
      }
      var p = el('p');
      lines.forEach(function (l, i) {
        if (i) p.appendChild(el('br'));
        inline(l, p);
      });
      into.appendChild(p);
    });
  }

  var previewTimer;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 250);
  }
  function preview() {
    var text = $('announce-text').value;
    var bubbles = document.querySelectorAll('[data-preview]');
    if (!text.trim()) {
      bubbles.forEach(function (b) {
        clear(b);
        b.appendChild(el('p', { className: 'hint', text: 'Type a message to see it here.' }));
      });
      return;
    }
    var textFr = $('announce-text-fr').value;
    api('/api/admin/announce/preview', { body: textFr.trim() ? { text: text, textFr: textFr } : { text: text } }).then(
      function (r) {
        bubbles.forEach(function (b) { markdown(r.reply.text, b); });
        // What attendees who registered in French will see, when there is a French text.
        $('preview-french').hidden = !r.replyFr;
        if (r.replyFr) markdown(r.replyFr.text, document.querySelector('[data-preview-fr]'));
      },
      function (err) {
        bubbles.forEach(function (b) {
          clear(b);
          b.appendChild(el('p', { className: 'hint', text: err.message }));
        });
      },
    );
  }

  var LABELS = { total: 'Recipients', sent: 'Sent', failed: 'Failed', pending: 'Pending' };
  var SKIP = { id: 1, createdAt: 1, done: 1, audience: 1, failures: 1, byChannel: 1, attendees: 1 };

  /** Every field the status API returns: the counts first, then whatever else it reports (e.g. how each was reached). */
  function renderStatus(status) {
    var box = $('announce-status');
    clear(box);
    var audience = status.audience && status.audience.kind === 'session' ? 'followers of “' + status.audience.title + '”' : 'everyone registered';
    box.appendChild(el('p', { text: 'Announcement of ' + when(status.createdAt) + ' to ' + audience + ': ' + (status.done ? 'finished.' : 'delivering…') }));
    var dl = el('dl', { className: 'totals delivery' });
    Object.keys(LABELS).forEach(function (k) {
      if (typeof status[k] === 'number') dl.appendChild(el('div', { 'data-field': k }, [el('dt', { text: LABELS[k] }), el('dd', { text: String(status[k]) })]));
    });
    Object.keys(status).forEach(function (k) {
      if (LABELS[k] || SKIP[k]) return;
      var v = status[k];
      if (v === null || v === undefined) return;
      var label = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, function (c) { return c.toUpperCase(); });
      var value = typeof v === 'object' ? Object.keys(v).map(function (x) { return x + ': ' + (typeof v[x] === 'object' ? JSON.stringify(v[x]) : v[x]); }).join('; ') || '–' : String(v);
      dl.appendChild(el('div', { 'data-field': k }, [el('dt', { text: label }), el('dd', { text: value })]));
    });
    if (status.byChannel) {
      dl.appendChild(el('div', { 'data-field': 'chat' }, [el('dt', { text: 'Chat' }), el('dd', { text: channelSummary(status.byChannel.chat) })]));
      dl.appendChild(el('div', { 'data-field': 'email' }, [el('dt', { text: 'E-mail' }), el('dd', { text: channelSummary(status.byChannel.email) })]));
    }
    box.appendChild(dl);
    var reasons = Object.keys(status.failures || {});
    if (reasons.length) {
      var ul = el('ul', { className: 'failures', 'aria-label': 'Failure reasons' });
      reasons.forEach(function (r) { ul.appendChild(el('li', { text: r + ': ' + status.failures[r] })); });
      box.appendChild(ul);
    }
  }

  var CHANNEL_STATES = [['sent', 'sent'], ['failed', 'failed'], ['pending', 'pending'], ['none', 'not reachable'], ['off', 'turned off']];
  /** "1 sent, 2 pending" for one channel's counts (only the states that have any). */
  function channelSummary(counts) {
    var parts = CHANNEL_STATES.filter(function (s) { return counts && counts[s[0]] > 0; }).map(function (s) { return counts[s[0]] + ' ' + s[1]; });
    return parts.length ? parts.join(', ') : '–';
  }

  var historyTimer;
  /** The history of every announcement, with live counts; polls faster while any is still being delivered. */
  function loadHistory() {
    clearTimeout(historyTimer);
    return api('/api/admin/announcements').then(function (r) {
      var body = $('announce-history').querySelector('tbody');
      clear(body);
      r.announcements.forEach(function (a) {
        var to = a.audience && a.audience.kind === 'session' ? 'Followers of “' + a.audience.title + '”' : 'Everyone registered';
        var excerpt = a.text.length > 120 ? a.text.slice(0, 119) + '…' : a.text;
        body.appendChild(
          el('tr', { 'data-announcement': a.id, 'data-done': String(a.done) }, [
            el('td', { text: when(a.createdAt) }),
            el('td', { text: to }),
            el('td', { className: 'message', text: excerpt }),
            el('td', { className: 'num', 'data-field': 'total', text: String(a.total) }),
            el('td', { className: 'num', 'data-field': 'sent', text: String(a.sent) }),
            el('td', { className: 'num', 'data-field': 'failed', text: String(a.failed) }),
            el('td', { className: 'num', 'data-field': 'pending', text: String(a.pending) }),
            el('td', { 'data-channel': 'chat', text: channelSummary(a.byChannel && a.byChannel.chat) }),
            el('td', { 'data-channel': 'email', text: channelSummary(a.byChannel && a.byChannel.email) }),
          ]),
        );
      });
      if (!r.announcements.length) body.appendChild(el('tr', {}, [el('td', { colspan: '9', text: 'No announcements yet.' })]));
      if (r.announcements.some(function (a) { return !a.done; })) historyTimer = setTimeout(function () { loadHistory().catch(function () {}); }, 2000);
    });
  }

  var pollTimer;
  function watch(id) {
    clearTimeout(pollTimer);
    api('/api/admin/announce/' + encodeURIComponent(id)).then(
      function (status) {
        renderStatus(status);
        if (!status.done) pollTimer = setTimeout(function () { watch(id); }, 1000);
        else Promise.all([loadReminders(), loadHistory()]).catch(function () {});
      },
      function (err) {
        say(err.message, 'error');
        pollTimer = setTimeout(function () { watch(id); }, 5000);
      },
    );
  }

  function send(event) {
    event.preventDefault();
    var text = $('announce-text').value.trim();
    var error = $('announce-error');
    error.hidden = true;
    if (!text) {
      error.textContent = 'Write the message first.';
      error.hidden = false;
      $('announce-text').focus();
      return;
    }
    var sessionId = $('announce-audience').value;
    var textFr = $('announce-text-fr').value.trim();
    var body = { text: text };
    if (textFr) body.textFr = textFr;
    if (sessionId) body.sessionId = sessionId;
    var button = $('announce-send');
    button.disabled = true;
    api('/api/admin/announce', { body: body }).then(
      function (r) {
        button.disabled = false;
        $('announce-text').value = '';
        $('announce-text-fr').value = '';
        preview();
        say('Announcement queued for ' + r.recipients + ' attendee' + (r.recipients === 1 ? '' : 's') + '.', 'info');
        watch(r.id);
        loadHistory().catch(function () {});
      },
      function (err) {
        button.disabled = false;
        error.textContent = err.message;
        error.hidden = false;
      },
    );
  }

  // ---- Unanswered questions ------------------------------------------------------------------------------------

  var unanswered = [];
  function renderUnanswered() {
    var list = $('unanswered-list');
    clear(list);
    var showHandled = $('show-handled').checked;
    var groups = unanswered.filter(function (g) { return showHandled || !g.handled; });
    $('unanswered-empty').hidden = groups.length > 0;
    groups.forEach(function (g) {
      var item = el('li', { className: 'question-group' + (g.handled ? ' handled' : ''), 'data-group': g.id });
      item.appendChild(el('p', { className: 'question' }, [el('q', { text: g.text })]));
      item.appendChild(el('p', { className: 'hint', text: 'Asked ' + g.count + ' time' + (g.count === 1 ? '' : 's') + (g.questions.length > 1 ? ' in ' + g.questions.length + ' wordings' : '') + '; last ' + when(g.lastAt) + (g.handled ? ' · handled' : '') }));
      if (g.questions.length > 1) {
        var details = el('details', {}, [el('summary', { text: 'All wordings' })]);
        var ul = el('ul');
        g.questions.forEach(function (q) { ul.appendChild(el('li', { text: q.text + ' (' + q.count + ')' })); });
        details.appendChild(ul);
        item.appendChild(details);
      }
      if (!g.handled) {
        var button = el('button', { type: 'button', className: 'button', text: 'Mark handled' });
        button.setAttribute('aria-label', 'Mark “' + g.text + '” handled');
        button.addEventListener('click', function () {
          button.disabled = true;
          api('/api/admin/unanswered/handled', { body: { ids: g.questions.map(function (q) { return q.id; }) } }).then(
            function () {
              say('Marked handled: “' + g.text + '”.', 'info');
              return loadUnanswered();
            },
            function (err) {
              button.disabled = false;
              say(err.message, 'error');
            },
          );
        });
        item.appendChild(button);
      }
      list.appendChild(item);
    });
  }

  function loadUnanswered() {
    return api('/api/admin/unanswered').then(function (r) {
      unanswered = r.groups;
      renderUnanswered();
    });
  }

  // ---- Start -----------------------------------------------------------------------------------------------------

  function refresh() {
    return Promise.all([loadRegistrations(), loadReminders(), loadUnanswered(), loadHistory()]).then(
      function () {
        say('Up to date as of ' + new Date().toLocaleTimeString() + '. Refreshes every ' + REFRESH_MS / 1000 + ' seconds.', 'info');
      },
      function (err) {
        say('Could not load everything: ' + err.message, 'error');
      },
    );
  }

  $('registration-search').addEventListener('input', renderSearch);
  $('announce-text').addEventListener('input', schedulePreview);
  $('announce-text-fr').addEventListener('input', schedulePreview);
  $('announce-audience').addEventListener('change', describeAudience);
  $('announce-form').addEventListener('submit', send);
  $('show-handled').addEventListener('change', renderUnanswered);
  preview();
  refresh();
  setInterval(function () {
    if (!document.hidden) refresh();
  }, REFRESH_MS);
})();
