/* Điều Hành service worker: caches the shell only (style sheet, scripts, icons, manifest, offline page), never a page
   with an official's data; pages always come from the network, and the offline page answers when there is none.
   No push service. Bump VERSION when a shell file changes. */
'use strict';
var VERSION = 'dieuhanh-shell-v3';
var SHELL = [
  '/app/app.css',
  '/app/app.js',
  '/app/offline.html',
  '/app/icon-192.png',
  '/app/icon-512.png',
  '/app/manifest.webmanifest',
  '/webjars/htmx.org/dist/htmx.min.js'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== VERSION; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (SHELL.indexOf(url.pathname) >= 0) {
    // the shell: cache first, refreshed in the background
    event.respondWith(caches.open(VERSION).then(function (cache) {
      return cache.match(request).then(function (cached) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
        return cached || fresh;
      });
    }));
  } else if (request.mode === 'navigate' && !url.pathname.startsWith('/camunda')) {
    // pages: network only (private data is never cached); offline -> the offline page
    event.respondWith(fetch(request).catch(function () { return caches.match('/app/offline.html'); }));
  }
});
