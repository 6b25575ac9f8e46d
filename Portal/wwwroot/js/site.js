// Progressive enhancement only: every page works without this file.
// After an htmx swap, move focus to what changed and announce it in the one live region (ENGINEERING.md, htmx rules).
(function () {
  "use strict";

  function focusFirst(root) {
    var target = root.querySelector("[data-focus-on-load], .error-summary, [aria-invalid='true']");
    if (target) {
      if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  }

  function announce(root) {
    var region = document.getElementById("live-status");
    var message = root.querySelector("[data-status-message]");
    if (region && message) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = message.textContent.trim(); }, 50);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var root = event.detail.elt && event.detail.elt.isConnected ? event.detail.elt : document.getElementById(event.detail.target && event.detail.target.id) || document.body;
    focusFirst(root);
    announce(root);
  });
})();
