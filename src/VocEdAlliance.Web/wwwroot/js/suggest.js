// Suggestion pickers (regions, organisations): an <input data-suggest="URL" list="ID"> gets suggestions from the portal
// (the portal's own endpoint; nothing leaves the intranet). Without JavaScript, typing a code or a unique name works.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
      var text = input.value.trim();
      if (text === last || text.length === 0 || /^\d{6}\s/.test(input.value)) { return; }
      last = text;
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = new URL(input.getAttribute('data-suggest'), window.location.href);
        url.searchParams.set('q', text);
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            list.replaceChildren.apply(list, suggestions.map(function (s) {
              var option = document.createElement('option');
              option.value = s.label;
              if (s.detail) { option.label = s.detail; } // the directory's kind, region and code tell namesakes apart
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 200);
    });
  });
})();
