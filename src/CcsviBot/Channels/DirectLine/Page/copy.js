// The /embed page's "Copy" buttons copy the snippet named by data-copy. A script file, because the page's Content
// Security Policy allows no inline script. Without the clipboard API (plain http other than localhost) the snippet
// is selected instead, ready for Ctrl+C.
(function () {
  'use strict';

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var label = button.textContent;
    button.addEventListener('click', function () {
      var snippet = document.getElementById(button.getAttribute('data-copy'));
      var done = function (message) {
        button.textContent = message;
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      var select = function () {
        window.getSelection().selectAllChildren(snippet);
        done('Press Ctrl+C');
      };

      if (navigator.clipboard) {
        navigator.clipboard.writeText(snippet.textContent).then(function () { done('Copied'); }, select);
      } else {
        select();
      }
    });
  });
})();
