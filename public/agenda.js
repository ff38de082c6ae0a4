// Shows every agenda time in the visitor's own zone as well as the event's. Used by the event page and the
// Teams tab; the tab passes the zone and locale Teams reports.
(function () {
  'use strict';

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch (e) {
      return 'UTC';
    }
  }

  function validZone(zone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch (e) {
      return false;
    }
  }

  function dayKey(date, zone) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  }

  function clock(format, date, french) {
    if (!french || !format.formatToParts) return format.format(date);
    var hour = '';
    var minute = '';
    var parts = format.formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === 'hour') hour = String(Number(parts[i].value));
      if (parts[i].type === 'minute') minute = parts[i].value;
    }
    return hour + '\u00a0h' + (minute && minute !== '00' ? '\u00a0' + minute : '');
  }

  function localize(options) {
    options = options || {};
    var body = document.body;
    var eventZone = body.getAttribute('data-event-zone') || 'UTC';
    var zone = options.timeZone && validZone(options.timeZone) ? options.timeZone : browserZone();
    var locale = options.locale || navigator.language || 'en';
    var time;
    var day;
    // French writes clock times "10 h 20" (and "10 h"), with no-break spaces, as the page's own times are.
    var french = String(locale).toLowerCase().split('-')[0] === 'fr';
    try {
      time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: french ? 'h23' : undefined });
      day = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    } catch (e) {
      time = new Intl.DateTimeFormat('en', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
      day = new Intl.DateTimeFormat('en', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    }

    var rows = document.querySelectorAll('tr[data-start]');
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var start = new Date(row.getAttribute('data-start'));
      var end = new Date(row.getAttribute('data-end'));
      var cell = row.querySelector('[data-visitor-time]');
      if (!cell) continue;
      var text = clock(time, start, french) + '–' + clock(time, end, french);
      // Say which day it is for the visitor when it is not the event's calendar day.
      if (dayKey(start, zone) !== dayKey(start, eventZone)) text = day.format(start) + ', ' + text;
      cell.textContent = text;
    }

    // (not html[data-visitor-zone], set below: a second call, once Teams answers, would empty the page)
    var labels = document.querySelectorAll('span[data-visitor-zone]');
    for (var j = 0; j < labels.length; j++) labels[j].textContent = '(' + zone + ')';
    var note = document.querySelector('[data-visitor-zone-note]');
    if (note) {
      var same = note.getAttribute('data-same-zone') || 'You are in the event’s time zone.';
      var other = note.getAttribute('data-other-zone') || 'Your times are shown in {zone}.';
      note.textContent = zone === eventZone ? same : other.replace('{zone}', zone);
    }
    document.documentElement.setAttribute('data-visitor-zone', zone);
    return zone;
  }

  window.EventAgenda = { localize: localize, browserZone: browserZone };
})();
