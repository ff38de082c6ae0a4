// The Teams agenda tab: asks Teams (teams-js, served from this origin) for the user's locale, time zone and
// theme; outside Teams it falls back to the browser's zone and language.
(function () {
  'use strict';

  var themes = ['default', 'dark', 'contrast'];

  function applyTheme(theme) {
    var t = themes.indexOf(theme) >= 0 ? theme : 'default';
    for (var i = 0; i < themes.length; i++) document.body.classList.remove('theme-' + themes[i]);
    document.body.classList.add('theme-' + t);
  }

  function show(context) {
    var app = (context && context.app) || {};
    var zone = app.osLocaleInfo && app.osLocaleInfo.timezone;
    var zoneUsed = window.EventAgenda.localize({ timeZone: zone, locale: app.locale });
    applyTheme(app.theme);
    document.body.setAttribute('data-host', context ? 'teams' : 'browser');
    document.body.setAttribute('data-zone-source', zone && zone === zoneUsed ? 'teams' : 'browser');
  }

  function withTimeout(promise, ms) {
    return Promise.race([
      promise,
      new Promise(function (_, reject) {
        setTimeout(function () {
          reject(new Error('timeout'));
        }, ms);
      }),
    ]);
  }

  var teams = window.microsoftTeams;
  // Not framed: certainly not inside Teams; don't wait for a handshake that cannot come.
  if (!teams || window.parent === window) {
    show(null);
    return;
  }
  show(null);
  withTimeout(teams.app.initialize(), 3000)
    .then(function () {
      return teams.app.getContext();
    })
    .then(function (context) {
      show(context);
      if (teams.app.registerOnThemeChangeHandler) teams.app.registerOnThemeChangeHandler(applyTheme);
      if (teams.app.notifySuccess) teams.app.notifySuccess();
    })
    .catch(function () {
      show(null);
    });
})();
