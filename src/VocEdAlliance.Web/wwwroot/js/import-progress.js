// The import page's progress bar. A form with data-progress is sent with XMLHttpRequest: the bar follows the upload,
// then asks the portal (data-progress, every half second) how many rows it has checked, then shows the saving; at
// the end the page the portal answered with replaces this one. Without JavaScript the form is a plain post.
(function () {
  'use strict';

  function format(text, values) {
    return text.replace(/\{(\d+)\}/g, function (_, i) { return values[Number(i)]; });
  }

  document.querySelectorAll('form[data-progress]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest || !window.fetch) { return; }
      event.preventDefault();
      // A file over the limit is refused here, before it is sent (the portal would refuse it too).
      var input = form.querySelector('input[type=file]');
      var max = Number(form.getAttribute('data-max-bytes'));
      if (input && input.files && input.files[0] && max && input.files[0].size > max) {
        var error = document.getElementById('import-error');
        if (error) { error.textContent = form.getAttribute('data-too-large'); }
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      var box = document.getElementById(form.getAttribute('data-progress-box'));
      var bar = box.querySelector('.progress-bar');
      var label = box.querySelector('[data-progress-label]');
      var operation = form.querySelector('input[name=Operation]').value;
      var button = form.querySelector('[type=submit]');
      var timer = null;
      if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
      box.hidden = false;

      function show(fraction, text) {
        var percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
        bar.style.width = percent + '%';
        box.setAttribute('aria-valuenow', String(percent));
        label.textContent = text;
      }

      function poll() {
        fetch(form.getAttribute('data-progress') + '&operation=' + encodeURIComponent(operation), { credentials: 'same-origin' })
          .then(function (response) { return response.json(); })
          .then(function (state) {
            if (state.phase === 'checking' && state.total > 0) {
              show(0.3 + 0.6 * state.done / state.total, format(box.getAttribute('data-text-checking'), [state.done, state.total]));
            } else if (state.phase === 'saving') {
              show(0.95, box.getAttribute('data-text-saving'));
            }
          })
          .catch(function () { /* the next poll may answer */ });
      }

      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          show(0.3 * e.loaded / e.total, format(box.getAttribute('data-text-uploading'), [Math.round(100 * e.loaded / e.total)]));
        }
      };
      request.upload.onload = function () {
        show(0.3, format(box.getAttribute('data-text-checking'), [0, '…']));
      };
      request.onload = function () {
        clearInterval(timer);
        show(1, box.getAttribute('data-text-done'));
        // The page the portal answered with (the result, or the form with what was wrong next to the file field):
        // shown as it came, since fetching it again would lose its one-time message; the address follows.
        if (request.responseURL) {
          history.replaceState(null, '', request.responseURL);
        }
        document.open();
        document.write(request.responseText);
        document.close();
      };
      request.onerror = function () {
        clearInterval(timer);
        HTMLFormElement.prototype.submit.call(form);
      };
      request.send(new FormData(form));
      // Asked from the start: the portal answers "unknown" until it begins on the rows.
      timer = setInterval(poll, 500);
    });
  });
})();
