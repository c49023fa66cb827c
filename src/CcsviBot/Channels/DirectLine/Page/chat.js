// Starts Web Chat against this bot's own Direct Line. The page never sees a secret: it asks the bot for a
// conversation token, and Web Chat's Direct Line client refreshes that token itself.
(function () {
  'use strict';

  var host = document.getElementById('webchat');
  var status = document.getElementById('chat-status');

  if (new URLSearchParams(window.location.search).get('embedded') === '1') {
    document.body.classList.add('embedded');
  }

  function fail(message) {
    status.textContent = message;
    status.className = 'status error';
  }

  if (!window.WebChat) {
    fail('The chat could not be loaded. Please reload the page.');
    return;
  }

  fetch(new URL('api/directline/token', document.baseURI), { method: 'POST' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token request answered ' + response.status);
      }

      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        domain: new URL('v3/directline', document.baseURI).href,
        token: session.token
      });

      status.remove();
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: 'en-US',
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Ask a question about CCSVI' },
          styleOptions: {
            accent: '#0b5cab',
            botAvatarInitials: host.getAttribute('data-bot-initials'),
            botAvatarBackgroundColor: '#0b5cab',
            userAvatarInitials: 'You',
            userAvatarBackgroundColor: '#57606a',
            bubbleBorderRadius: 10,
            bubbleFromUserBorderRadius: 10,
            bubbleFromUserBackground: '#e7f0fa',
            bubbleMaxWidth: 640,
            hideUploadButton: true,
            // Web Chat follows the transcript to its end, so a long answer would open on its disclaimer. With this it
            // stops once the first new activity reaches the top of the transcript: an answer shows from its first line.
            autoScrollSnapOnPage: true,
            sendBoxTextWrap: true,
            suggestedActionLayout: 'flow',
            suggestedActionBorderRadius: 16,
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
          }
        },
        host
      );
    })
    .catch(function (error) {
      console.error(error);
      fail('The chat could not start. Please reload the page in a minute.');
    });
})();
