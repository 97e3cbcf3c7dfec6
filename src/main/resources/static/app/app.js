/* Điều Hành web app: the shell's only script (no inline scripts: the pages' Content-Security-Policy forbids them).
   - htmx requests carry the session's CSRF token (meta csrf-token) in X-CSRF-TOKEN;
   - the badges follow the live event stream /su-kien (Server-Sent Events, events "unread" and "work"), and an item
     page its assignment (event "item");
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

  // An item page (/viec/{id}) follows its assignment: event "item" when someone else reports, reviews, decides or
  // writes. The item is fetched again in place, unless the official is typing in one of its forms (then a notice).
  var liveItem = document.querySelector('[data-live-item]');
  var itemId = liveItem ? liveItem.getAttribute('data-live-item') : null;

  function typing() {
    var item = document.getElementById('viec');
    if (!item) { return false; }
    if (item.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) {
      return true;
    }
    return Array.prototype.some.call(item.querySelectorAll('textarea, input[type=text], input[type=date]'),
      function (field) { return field.value !== ''; });
  }

  function itemChanged(id) {
    if (id !== itemId) { return; }
    if (typing() || !window.htmx) {
      var notice = document.getElementById('item-changed');
      if (notice) { notice.hidden = false; }
      return;
    }
    window.htmx.ajax('GET', '/viec/' + encodeURIComponent(id), { target: '#viec', swap: 'outerHTML' });
    document.body.setAttribute('data-live-item-updates',
      String(parseInt(document.body.getAttribute('data-live-item-updates') || '0', 10) + 1));
  }

  if (document.getElementById('unread-badge') && window.EventSource) {
    var source = new EventSource(itemId ? '/su-kien?viec=' + encodeURIComponent(itemId) : '/su-kien');
    source.addEventListener('item', function (event) { itemChanged(event.data); });
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
      if (notice && lastWork !== null && count !== lastWork) {
        var text = document.getElementById('work-changed-text');
        if (text) { text.textContent = count > lastWork ? 'Có việc mới.' : 'Có việc đã xong hoặc đã chuyển đi.'; }
        notice.hidden = false;
      }
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
