/* Điều Hành web app: the shell's only script (no inline scripts: the pages' Content-Security-Policy forbids them).
   - htmx requests carry the session's CSRF token (meta csrf-token) in X-CSRF-TOKEN;
   - the unread badge follows the live event stream /su-kien (Server-Sent Events, event "unread");
   - the service worker /sw.js caches the shell for the home-screen app. */
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute('content') : null;

  document.addEventListener('htmx:configRequest', function (event) {
    if (token) {
      event.detail.headers['X-CSRF-TOKEN'] = token;
    }
  });

  // A refusal (4xx) that names where to show it (HX-Retarget, e.g. the item page's message area next to the form) is
  // shown there; other error responses keep htmx's default (not swapped).
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status >= 400 && xhr.status < 500 && xhr.getResponseHeader('HX-Retarget')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function setBadge(id, count, label) {
    var badge = document.getElementById(id); // looked up each time: htmx may swap it
    if (!badge) { return; }
    badge.textContent = String(count);
    badge.setAttribute('aria-label', count + ' ' + label);
    badge.classList.toggle('is-empty', count === 0);
  }

  if (document.getElementById('unread-badge') && window.EventSource) {
    var source = new EventSource('/su-kien');
    var lastWork = null;
    source.addEventListener('unread', function (event) {
      var count = parseInt(event.data, 10);
      if (isNaN(count)) { return; }
      setBadge('unread-badge', count, 'thư chưa đọc');
      document.body.setAttribute('data-live-unread', String(count));
      document.dispatchEvent(new CustomEvent('dieuhanh:unread', { detail: count }));
    });
    source.addEventListener('work', function (event) {
      var count = parseInt(event.data, 10);
      if (isNaN(count)) { return; }
      setBadge('work-badge', count, 'việc đang chờ');
      document.body.setAttribute('data-live-work', String(count));
      var notice = document.getElementById('work-changed');
      if (notice && lastWork !== null && count > lastWork) { notice.hidden = false; }
      lastWork = count;
      document.dispatchEvent(new CustomEvent('dieuhanh:work', { detail: count }));
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js').catch(function () { /* the app works without it */ });
    });
  }
})();
