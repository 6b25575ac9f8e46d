// Progressive enhancement only: every page works without this file.

// Says the text of an element in the one live region (#live-status). The region is emptied first and filled a
// moment later, so the same words are read again when they repeat.
function portalAnnounce(element) {
  "use strict";
  var region = document.getElementById("live-status");
  if (!region || !element) return;
  region.textContent = "";
  window.setTimeout(function () { region.textContent = element.textContent.replace(/\s+/g, " ").trim(); }, 50);
}

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
    portalAnnounce(root.querySelector("[data-status-message]"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFirst(document.getElementById("main") || document.body);
    announce(document.body);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var root = event.detail.elt && event.detail.elt.isConnected ? event.detail.elt : document.getElementById(event.detail.target && event.detail.target.id) || document.body;
    focusFirst(root);
    announce(root);
  });
})();

// Keep-draft (progressive enhancement, PRODUCT.md "nothing is lost"): while the user types into a [data-keep-draft]
// field (or a field inside one), this tab keeps a copy in sessionStorage, keyed by page path and field name. When the
// session expired and the user signs in again, the page comes back and the copy goes back into the field, provided the
// field still shows what it showed when the user started typing (empty, or the same saved answer); then the field's
// change event lets htmx autosave it. The copy is forgotten once the server confirms a save: [data-draft-saved="path"]
// on the page after a plain POST, or on the autosave fragment. sessionStorage, not localStorage: on a shared computer
// the text is gone when the tab is closed.
(function () {
  "use strict";
  var prefix = "portal.draft:";
  var bases = {};
  var sent = {};

  function fields(root) {
    var found = [];
    root.querySelectorAll("[data-keep-draft]").forEach(function (el) {
      if (el.name) found.push(el);
      else el.querySelectorAll("input[name], textarea[name], select[name]").forEach(function (f) { found.push(f); });
    });
    return found;
  }
  function key(path, name) { return prefix + path + "|" + name; }
  function read(k) { try { return JSON.parse(window.sessionStorage.getItem(k)); } catch (e) { return null; } }
  function write(k, value) { try { window.sessionStorage.setItem(k, JSON.stringify(value)); } catch (e) { /* storage full or off */ } }
  function remove(k) { try { window.sessionStorage.removeItem(k); } catch (e) { /* storage off */ } }
  function forget(path) {
    try {
      for (var i = window.sessionStorage.length - 1; i >= 0; i--) {
        var k = window.sessionStorage.key(i);
        if (k && k.indexOf(prefix + path + "|") === 0) window.sessionStorage.removeItem(k);
      }
    } catch (e) { /* storage off */ }
  }
  function same(a, b) { return String(a).replace(/\r\n/g, "\n").trim() === String(b).replace(/\r\n/g, "\n").trim(); }
  function isDraftField(el) {
    return el && el.name && (el.hasAttribute("data-keep-draft") || (el.closest && el.closest("[data-keep-draft]")));
  }
  function keep(event) {
    var field = event.target;
    if (!isDraftField(field)) return;
    var name = field.name;
    write(key(location.pathname, name), { base: bases[name] === undefined ? "" : bases[name], value: field.value });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-draft-saved]").forEach(function (el) { forget(el.getAttribute("data-draft-saved")); });
    var restored = [];
    fields(document).forEach(function (field) {
      var shown = field.value;
      bases[field.name] = shown;
      var k = key(location.pathname, field.name);
      var copy = read(k);
      if (!copy || typeof copy.value !== "string") return;
      if (same(copy.value, shown)) { remove(k); return; }
      if (same(copy.base, shown) || shown === "") {
        field.value = copy.value;
        restored.push(field);
      } else {
        remove(k); // the saved answer changed elsewhere since: the server's version wins, the two-tab rule decides
      }
    });
    if (restored.length === 0) return;
    var notice = document.querySelector("[data-draft-restored]");
    if (notice) {
      notice.hidden = false;
      portalAnnounce(notice);
    }
    // Let htmx autosave what came back (after htmx has processed the page).
    window.setTimeout(function () {
      restored.forEach(function (field) { field.dispatchEvent(new Event("change", { bubbles: true })); });
    }, 0);
  });

  document.addEventListener("input", keep);
  document.addEventListener("change", keep);

  // Remember what each autosave sent: once the server confirms it, that is the saved answer.
  document.addEventListener("htmx:configRequest", function () {
    fields(document).forEach(function (field) { sent[field.name] = field.value; });
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var el = event.detail.elt;
    var path = el && el.getAttribute && el.getAttribute("data-draft-saved");
    if (!path) return;
    forget(path);
    fields(document).forEach(function (field) {
      if (sent[field.name] !== undefined) bases[field.name] = sent[field.name];
      if (field.value !== bases[field.name]) keep({ target: field }); // typed on while the save was under way
    });
  });
})();

// A file above the limit is refused before it is sent (progressive enhancement: the server refuses it too, in the
// same words). On a phone this saves sending megabytes only to hear "too large".
(function () {
  "use strict";
  // As the server writes it (IndexModel.Size): megabytes rounded up to one decimal with a decimal comma, put into the
  // page's own words for "{0} MB" (data-megabytes, already isolated for right-to-left text).
  function size(bytes, template) {
    var mb = (Math.ceil(bytes * 10 / (1024 * 1024)) / 10).toFixed(1).replace(/\.0$/, "").replace(".", ",");
    return (template || "{0} MB").replace("{0}", mb);
  }
  document.addEventListener("submit", function (event) {
    var input = event.target.querySelector && event.target.querySelector("input[type=file][data-max-bytes]");
    if (!input || !input.files || input.files.length === 0) return;
    var file = input.files[0];
    if (file.size <= Number(input.getAttribute("data-max-bytes"))) return;
    event.preventDefault();
    var error = document.getElementById(input.id + "-error");
    error.querySelector("[data-file-error]").textContent = input.getAttribute("data-too-large").replace("{size}", size(file.size, input.getAttribute("data-megabytes")));
    error.hidden = false;
    error.parentElement.classList.add("form-field--error");
    input.setAttribute("aria-invalid", "true");
    var described = input.getAttribute("aria-describedby") || "";
    if (described.split(" ").indexOf(error.id) < 0) input.setAttribute("aria-describedby", (described + " " + error.id).trim());
    input.focus();
  });
})();

// Idle warning (WCAG 2.2.1): the session ends data-idle-seconds after the page loaded. data-warn-seconds before
// that, the warning in the layout shows; "stay signed in" makes a request, which starts the idle time again. Every
// htmx request (autosave) does the same. Each answer says how long the session now has (X-Session-Remaining: the
// sign-in cookie is renewed once a minute, not on every request). When the time is up, the warning says so.
(function () {
  "use strict";
  var box = document.querySelector("[data-session-warning]");
  if (!box) return;
  var idle = Number(box.getAttribute("data-idle-seconds")) * 1000;
  var warn = Number(box.getAttribute("data-warn-seconds")) * 1000;
  var active = box.querySelector("[data-session-active]");
  var ended = box.querySelector("[data-session-ended]");
  var stayed = box.querySelector("[data-session-stayed]");
  var timers = [];

  function show(part) {
    [active, ended, stayed].forEach(function (el) { el.hidden = el !== part; });
    box.hidden = false;
    portalAnnounce(part);
  }
  function restart(remaining) {
    var seconds = Number(remaining);
    if (remaining && seconds > 0) idle = seconds * 1000;
    timers.forEach(window.clearTimeout);
    box.hidden = true;
    timers = [
      window.setTimeout(function () { show(active); }, Math.max(0, idle - warn)),
      window.setTimeout(function () { show(ended); }, idle)
    ];
  }

  box.querySelector("[data-session-stay]").addEventListener("click", function () {
    var headers = {};
    try { headers = JSON.parse(document.getElementById("main").getAttribute("data-hx-headers")); } catch (e) { /* no token: the post is refused */ }
    window.fetch("/account/keep-alive", { method: "POST", headers: headers, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.status === 204) { restart(response.headers.get("X-Session-Remaining")); show(stayed); window.setTimeout(function () { box.hidden = true; }, 5000); }
        else show(ended);
      }, function () { show(ended); });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) restart(event.detail.xhr && event.detail.xhr.getResponseHeader("X-Session-Remaining"));
  });
  restart();
})();

// A "print this page" button (the printable budget): shown only where it can work, and it opens the print dialog.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Own saves (Infrastructure/EditConflicts): an autosave whose answer has not come back yet is still this tab's own
// save. A submit that overtakes it (a slow phone connection, "save and continue" pressed at once) sends along what that
// autosave sent, so the server does not mistake this tab's own save for a change made elsewhere. Once an answer comes
// back, the form carries the new version itself (the swapped #autosave-status or #budget-summary).
(function () {
  "use strict";
  var pending = [];

  function ownForm(el) { return el && el.closest ? el.closest("form[data-own-saves]") : null; }
  function sent(form) {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "OwnSave" && name.indexOf("__") !== 0) fields.append(name, value);
    });
    return fields.toString();
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    var form = ownForm(elt);
    if (!form) return;
    if (elt === form) { // the form itself is submitted through htmx: it overtakes like a plain submit
      if (pending.length > 0) event.detail.parameters.OwnSave = pending.slice();
      return;
    }
    pending.push(sent(form));
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful && ownForm(event.detail.elt)) pending = [];
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.matches || !form.matches("form[data-own-saves]")) return; // htmx sends it: see above
    form.querySelectorAll("input[name='OwnSave']").forEach(function (input) { input.remove(); });
    pending.forEach(function (payload) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "OwnSave";
      input.value = payload;
      form.appendChild(input);
    });
  });
})();

// "Ask a coach" as a dialog: the link's htmx request puts the form into the dialog, and then it opens. A native modal
// dialog keeps focus inside and closes with Escape; focus goes back to the button that opened it. After the form is
// posted (htmx swaps in the errors or the confirmation), focus moves to the error summary or the heading.
(function () {
  "use strict";
  var opener = null;

  document.addEventListener("htmx:afterSwap", function (event) {
    var body = event.detail.target;
    if (!body || body.id !== "ask-coach-dialog-body") return;
    var dialog = document.getElementById("ask-coach-dialog");
    if (!dialog.open) {
      opener = document.activeElement;
      dialog.showModal();
    }
    // In this order (querySelector with a list would take whichever comes first in the page: the heading).
    var target = body.querySelector(".error-summary") || body.querySelector("[data-focus-on-load]") || body.querySelector("h2");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.getElementById("ask-coach-dialog");
    if (!dialog) return;
    dialog.addEventListener("close", function () {
      document.getElementById("ask-coach-dialog-body").innerHTML = "";
      if (opener && opener.isConnected) opener.focus();
      opener = null;
    });
  });
})();
