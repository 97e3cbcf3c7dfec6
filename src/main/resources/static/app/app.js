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

  var badge = document.getElementById('unread-badge');
  if (badge && window.EventSource) {
    var source = new EventSource('/su-kien');
    source.addEventListener('unread', function (event) {
      var count = parseInt(event.data, 10);
      if (isNaN(count)) { return; }
      badge.textContent = String(count);
      badge.setAttribute('aria-label', count + ' thư chưa đọc');
      badge.classList.toggle('is-empty', count === 0);
      document.dispatchEvent(new CustomEvent('dieuhanh:unread', { detail: count }));
    });
    source.addEventListener('work', function () {
      document.dispatchEvent(new CustomEvent('dieuhanh:work'));
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js').catch(function () { /* the app works without it */ });
    });
  }
})();
