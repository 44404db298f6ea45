// Progress feedback for the slow things people do: uploading a file and exporting a table.
// - <form data-busy-text="…">: once submitted, its button shows a spinner and the text, and cannot be pressed twice.
// - <a data-download data-busy-text="…" data-done-text="…" data-error-text="…">: the file is fetched while the link
//   shows a spinner and the text, then saved under the name the portal gives it. Without JavaScript both work as
//   a plain form and a plain link.
(function () {
  'use strict';
  var announcer = document.getElementById('busy-announcer');

  function announce(text) {
    if (announcer) { announcer.textContent = text; }
  }

  function showBusy(element, text) {
    var spinner = document.createElement('span');
    spinner.className = 'spinner-border spinner-border-sm me-1';
    spinner.setAttribute('aria-hidden', 'true');
    element.replaceChildren(spinner, document.createTextNode(text));
    element.setAttribute('aria-busy', 'true');
    announce(text);
  }

  document.querySelectorAll('form[data-busy-text]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter || form.querySelector('[type=submit]');
      // After the browser has taken the form's data, so a named button still sends its value.
      setTimeout(function () {
        if (event.defaultPrevented || !button) { return; }
        button.disabled = true;
        showBusy(button, form.getAttribute('data-busy-text'));
      }, 0);
    });
  });

  // Every other form that changes something: its button cannot be pressed twice while the post is on its way (the
  // server also refuses a second copy of a create form). Coming back to the page (the browser's back button, which
  // may restore it as it was) gives the buttons back.
  document.querySelectorAll('form[method=post]:not([data-busy-text])').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter || form.querySelector('[type=submit]');
      setTimeout(function () {
        if (event.defaultPrevented || !button) { return; }
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
      }, 0);
    });
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[method=post]:not([data-busy-text]) [type=submit][aria-busy=true]').forEach(function (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    });
  });

  // <button data-print>: prints the page (the print stylesheet leaves out navigation and buttons).
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });

  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) { return decodeURIComponent(encoded[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  document.querySelectorAll('a[data-download]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
      event.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') { return; }
      var label = Array.prototype.slice.call(link.childNodes);
      showBusy(link, link.getAttribute('data-busy-text'));
      link.classList.add('disabled');
      fetch(link.href, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          var name = fileName(response, 'export');
          return response.blob().then(function (blob) { return { blob: blob, name: name }; });
        })
        .then(function (file) {
          var url = URL.createObjectURL(file.blob);
          var save = document.createElement('a');
          save.href = url;
          save.download = file.name;
          document.body.appendChild(save);
          save.click();
          save.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
          announce(link.getAttribute('data-done-text'));
        })
        .catch(function () {
          announce(link.getAttribute('data-error-text'));
          window.alert(link.getAttribute('data-error-text'));
        })
        .finally(function () {
          link.replaceChildren.apply(link, label);
          link.removeAttribute('aria-busy');
          link.classList.remove('disabled');
        });
    });
  });
})();
