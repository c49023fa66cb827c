// Puts a "chat" button on any web page; the chat itself runs in an iframe served by the bot, so the host page needs
// no secret, no token handling and no CORS set-up. Usage: <script src="https://BOT/embed.js" defer></script>
// Optional attributes on that script tag: data-label (button text), data-position="left" (default right).
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || document.getElementById('ccsvibot-launcher')) {
    return;
  }

  var botOrigin = new URL('.', script.src).href;
  var label = script.getAttribute('data-label') || 'Questions about CCSVI?';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';

  function style(element, rules) {
    Object.keys(rules).forEach(function (name) { element.style[name] = rules[name]; });
    return element;
  }

  var button = style(document.createElement('button'), {
    position: 'fixed', bottom: '20px', zIndex: '2147483000', padding: '12px 18px', border: '0', borderRadius: '24px',
    background: '#0b5cab', color: '#fff', font: '600 15px system-ui, sans-serif', cursor: 'pointer',
    boxShadow: '0 4px 14px rgba(0,0,0,.25)'
  });
  button.style[side] = '20px';
  button.id = 'ccsvibot-launcher';
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');

  var panel = style(document.createElement('div'), {
    position: 'fixed', bottom: '76px', width: 'min(400px, calc(100vw - 24px))', height: 'min(620px, calc(100vh - 100px))',
    zIndex: '2147483000', display: 'none', borderRadius: '12px', overflow: 'hidden', background: '#fff',
    boxShadow: '0 8px 30px rgba(0,0,0,.3)'
  });
  panel.style[side] = '12px';
  panel.id = 'ccsvibot-panel';

  button.addEventListener('click', function () {
    var open = panel.style.display === 'none';
    if (open && !panel.firstChild) {
      // Created on first open, so pages whose visitors never chat do not start a conversation.
      var frame = style(document.createElement('iframe'), { width: '100%', height: '100%', border: '0' });
      frame.title = label;
      frame.src = botOrigin + '?embedded=1';
      panel.appendChild(frame);
    }

    panel.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
  });

  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
