// A form is sent once: a second click on "Lưu" while the page is still loading (a double
// click, an impatient click on a slow connection) would create the record twice.
// The buttons are disabled after the browser has read the form (so the clicked button's
// name and value are still sent), and enabled again after a few seconds or when the page
// comes back from the browser's history, so that a download or a failed request can be retried.
(function () {
  "use strict";
  var RETRY_AFTER_MS = 5000;

  function release(form) {
    delete form.dataset.sending;
    form.querySelectorAll("[data-once-disabled]").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("data-once-disabled");
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post") return;
    if (form.hasAttribute("hx-post") || form.hasAttribute("data-resubmit")) return;
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "1";
    setTimeout(function () {
      form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]")
        .forEach(function (button) {
          if (!button.disabled) {
            button.disabled = true;
            button.setAttribute("data-once-disabled", "");
          }
        });
    }, 0);
    setTimeout(function () { release(form); }, RETRY_AFTER_MS);
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sending]").forEach(release);
  });
})();
