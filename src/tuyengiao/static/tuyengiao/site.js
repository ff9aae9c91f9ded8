// Shared page behaviour (CSP forbids inline scripts). Without JavaScript every form still works:
// the server validates in Vietnamese and destructive actions have a confirmation page.
(function () {
  "use strict";

  // The browser's own validation speaks the browser's language ("Please enter a valid value"):
  // the server's Vietnamese messages decide instead.
  function noBrowserValidation(root) {
    root.querySelectorAll("form").forEach(function (form) { form.noValidate = true; });
  }

  // After a refused form, bring the first error into view and put the cursor there.
  function scrollToFirstError() {
    var field = document.querySelector("[aria-invalid='true'], .is-invalid, .invalid-feedback.d-block, .errorlist, .alert-danger");
    if (!field) return;
    field.scrollIntoView({ block: "center" });
    var input = field.matches("input, select, textarea") ? field : null;
    if (input) input.focus({ preventScroll: true });
  }

  // <form data-confirm="Duyệt 7 báo cáo: …"> asks once in a dialog; "Xác nhận" submits with
  // confirmed=1. Without that field the server asks on a page of its own (core/confirm.py).
  var dialog = null;
  function markConfirmed(form) {
    if (form.querySelector("input[name=confirmed]")) return;
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "confirmed";
    field.value = "1";
    form.appendChild(field);
  }
  function confirmDialog() {
    if (dialog) return dialog;
    dialog = document.getElementById("confirm-dialog");
    return dialog;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (!question || form.dataset.confirmed === "1") return;
    var box = confirmDialog();
    if (!box || typeof box.showModal !== "function") {
      if (window.confirm(question)) markConfirmed(form);
      else event.preventDefault();
      return;
    }
    event.preventDefault();
    box.querySelector("[data-confirm-text]").textContent = question;
    box.returnValue = "";
    box.onclose = function () {
      if (box.returnValue === "ok") {
        form.dataset.confirmed = "1";
        markConfirmed(form);
        if (form.requestSubmit) form.requestSubmit(event.submitter || undefined);
        else form.submit();
      }
    };
    box.showModal();
  }, true);

  // The browser labels a file input in its own language ("Choose File / No file chosen"):
  // show a Vietnamese button and the chosen file's name instead, the input kept for keyboards.
  var fileSeq = 0;
  function vietnameseFileInputs(root) {
    var body = document.body;
    root.querySelectorAll("input[type=file]:not([data-vn-file])").forEach(function (input) {
      input.setAttribute("data-vn-file", "1");
      if (!input.id) input.id = "vn-file-" + (++fileSeq);
      var group = document.createElement("div");
      group.className = "input-group vn-file";
      var button = document.createElement("label");
      button.className = "btn btn-outline-secondary";
      button.htmlFor = input.id;
      button.textContent = body.getAttribute("data-file-choose") || "…";
      var name = document.createElement("span");
      name.className = "form-control text-truncate vn-file-name";
      name.textContent = body.getAttribute("data-file-none") || "";
      input.parentNode.insertBefore(group, input);
      group.appendChild(input);
      group.appendChild(button);
      group.appendChild(name);
      input.classList.add("visually-hidden");
      input.addEventListener("change", function () {
        var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
        name.textContent = files.length ? files.join(", ") : body.getAttribute("data-file-none");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    noBrowserValidation(document);
    vietnameseFileInputs(document);
    scrollToFirstError();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    noBrowserValidation(event.target);
    vietnameseFileInputs(event.target);
  });
})();
