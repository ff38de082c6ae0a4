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

  function localize(options) {
    options = options || {};
    var body = document.body;
    var eventZone = body.getAttribute('data-event-zone') || 'UTC';
    var zone = options.timeZone && validZone(options.timeZone) ? options.timeZone : browserZone();
    var locale = options.locale || navigator.language || 'en';
    var time;
    var day;
    try {
      time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
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
      var text = time.format(start) + '–' + time.format(end);
      // Say which day it is for the visitor when it is not the event's calendar day.
      if (dayKey(start, zone) !== dayKey(start, eventZone)) text = day.format(start) + ', ' + text;
      cell.textContent = text;
    }

    var labels = document.querySelectorAll('[data-visitor-zone]');
    for (var j = 0; j < labels.length; j++) labels[j].textContent = '(' + zone + ')';
    var note = document.querySelector('[data-visitor-zone-note]');
    if (note) {
      note.textContent = zone === eventZone ? 'You are in the event’s time zone.' : 'Your times are shown in ' + zone + '.';
    }
    document.documentElement.setAttribute('data-visitor-zone', zone);
    return zone;
  }

  window.EventAgenda = { localize: localize, browserZone: browserZone };
})();
