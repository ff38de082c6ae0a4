// The event page: localises the agenda and starts Web Chat against the bot's Direct Line (the built-in one,
// or Azure's when the server is configured with a Direct Line secret: the token response names the domain).
(function () {
  'use strict';

  var status = document.getElementById('chat-status');
  var container = document.getElementById('webchat');
  // The page's language (its FR/EN switch, rendered by the server): Web Chat's own strings and the locale the bot
  // hears follow it. A browser locale of the same language keeps its region (fr-CA stays fr-CA).
  var pageLang = document.documentElement.lang || 'en';
  var browserLocale = navigator.language || '';
  var locale = browserLocale.toLowerCase().split('-')[0] === pageLang ? browserLocale : document.documentElement.getAttribute('data-locale') || 'en-US';

  /** The page's words for a message, from the status element's data-* attributes (in the page's language). */
  function text(name, fallback) {
    return (status && status.getAttribute('data-' + name)) || fallback;
  }
  var store;
  var pendingRegister = false;

  function setStatus(text) {
    if (status) status.textContent = text;
  }

  function sendText(text) {
    if (!store) {
      pendingRegister = true;
      return;
    }
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
  }

  function focusSendBox() {
    var input = container && container.querySelector('input[type="text"], textarea');
    if (input) input.focus();
  }

  /**
   * Web Chat styled as part of the page: the page's font, its accent, rounded bubbles that use the chat's
   * width (cards keep their rows readable on a 390 px phone), real line breaks in markdown, and suggested
   * actions as compact buttons that wrap in rows instead of one per line. Cards are parsed as Adaptive
   * Cards 1.5, the version Teams renders, so both show the same thing. The chat panel stays light in every
   * colour scheme (site.css), so the light accent is used.
   */
  function chatStyle() {
    var font = window.getComputedStyle(document.body).fontFamily;
    return {
      accent: '#0b57d0',
      primaryFont: font,
      adaptiveCardsParserMaxVersion: '1.5',
      paddingRegular: 8,
      paddingWide: 10,
      bubbleBackground: '#f1f3f4',
      // Web Chat's default subtle grey (#767676) is 4.5:1 on white only; on the bubble it is 4.1:1 (axe: color-contrast)
      subtle: '#5f6368',
      bubbleBorderRadius: 8,
      bubbleBorderWidth: 0,
      bubbleFromUserBackground: '#dfe9fb',
      bubbleFromUserBorderRadius: 8,
      bubbleFromUserBorderWidth: 0,
      bubbleMinWidth: 0,
      bubbleMaxWidth: 720,
      markdownRespectCRLF: true,
      richCardWrapTitle: true,
      suggestedActionLayout: 'flow',
      suggestedActionHeight: 36,
      suggestedActionBorderRadius: 18,
      suggestedActionBorderWidth: 1,
      suggestedActionsStackedLayoutButtonTextWrap: true,
      hideUploadButton: true,
      sendBoxTextWrap: true,
      rootHeight: '100%',
    };
  }

  function startChat() {
    if (!window.WebChat) {
      setStatus(text('failed', 'The chat could not load. Please reload the page.'));
      return;
    }
    fetch('/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(function (res) {
        if (res.status === 429) throw new Error('busy');
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      })
      .then(function (t) {
        // The conversation starts in the page's locale, so the bot's greeting is in the page's language.
        var directLine = window.WebChat.createDirectLine({
          domain: t.domain,
          token: t.token,
          webSocket: true,
          conversationStartProperties: { locale: locale },
        });
        store = window.WebChat.createStore();
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            userID: t.userId,
            locale: locale,
            styleOptions: chatStyle(),
          },
          container,
        );
        setStatus('');
        container.classList.add('ready');
        if (pendingRegister) {
          pendingRegister = false;
          sendText(registerCommand());
        }
      })
      .catch(function (err) {
        setStatus(
          err && err.message === 'busy'
            ? text('busy', 'The chat is busy right now; please try again in a minute.')
            : text('unavailable', 'The chat is unavailable right now. Please reload the page to try again.'),
        );
      });
  }

  if (window.EventAgenda) window.EventAgenda.localize({ locale: locale });

  var cta = document.getElementById('register-cta');
  /** What the Register button types: the command in the page's language, so the bot answers in it. */
  function registerCommand() {
    return (cta && cta.getAttribute('data-command')) || 'register';
  }
  if (cta) {
    cta.addEventListener('click', function (e) {
      e.preventDefault();
      var chat = document.getElementById('chat');
      if (chat) chat.scrollIntoView({ behavior: 'smooth', block: 'start' });
      sendText(registerCommand());
      setTimeout(focusSendBox, 300);
    });
  }

  // "Sign out of this browser": the server forgets this browser's chat identity (its cookie); the reload starts
  // a chat as a new visitor.
  var signout = document.getElementById('chat-signout');
  if (signout) {
    signout.addEventListener('click', function () {
      signout.disabled = true;
      fetch('/api/directline/signout', { method: 'POST' })
        .then(function (res) {
          if (!res.ok) throw new Error('signout ' + res.status);
          window.location.reload();
        })
        .catch(function () {
          signout.disabled = false;
          setStatus(text('signout-failed', 'Could not sign out; please try again.'));
        });
    });
  }

  startChat();
})();
