// The Teams agenda tab: asks Teams (teams-js, served from this origin) for the user's locale, time zone and
// theme; outside Teams it falls back to the browser's zone and language. The tab is rendered in a language the
// bot speaks (the server's guess: a remembered choice, else Accept-Language); when Teams' own locale says another
// one (app.locale "fr-FR" in an English-speaking browser), the tab reloads itself in Teams' language.
(function () {
  'use strict';

  var themes = ['default', 'dark', 'contrast'];

  function applyTheme(theme) {
    var t = themes.indexOf(theme) >= 0 ? theme : 'default';
    for (var i = 0; i < themes.length; i++) document.body.classList.remove('theme-' + themes[i]);
    document.body.classList.add('theme-' + t);
  }

  var supported = ['en', 'fr'];

  /** Teams' language when the bot speaks it and the tab is in another: reload in it. Returns true when reloading. */
  function followTeamsLanguage(locale) {
    var lang = String(locale || '')
      .toLowerCase()
      .split('-')[0];
    if (supported.indexOf(lang) < 0 || lang === document.documentElement.lang) return false;
    if (new URLSearchParams(window.location.search).get('lang') === lang) return false;
    window.location.replace(window.location.pathname + '?lang=' + lang);
    return true;
  }

  function show(context) {
    var app = (context && context.app) || {};
    var zone = app.osLocaleInfo && app.osLocaleInfo.timezone;
    var pageLang = document.documentElement.lang || 'en';
    var browserLocale = navigator.language || '';
    var pageLocale = browserLocale.toLowerCase().split('-')[0] === pageLang ? browserLocale : document.documentElement.getAttribute('data-locale');
    var teamsLocale = app.locale && String(app.locale).toLowerCase().split('-')[0] === pageLang ? app.locale : undefined;
    var zoneUsed = window.EventAgenda.localize({ timeZone: zone, locale: teamsLocale || pageLocale });
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
      if (context && context.app && followTeamsLanguage(context.app.locale)) return;
      show(context);
      if (teams.app.registerOnThemeChangeHandler) teams.app.registerOnThemeChangeHandler(applyTheme);
      if (teams.app.notifySuccess) teams.app.notifySuccess();
    })
    .catch(function () {
      show(null);
    });
})();
