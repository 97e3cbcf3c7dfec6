/* Điều Hành: live chat (docs/chat.md). On the chat pages only: the stream /tro-chuyen/su-kien (Server-Sent Events,
   event "chat" per new message in one of my conversations). On a conversation page new messages are fetched as
   server-rendered list items (/tro-chuyen/{id}/moi?sau=<last id>, so cards and access rules are the server's) and
   appended; on the list a notice offers to reload. No inline scripts (the pages' CSP). */
(function () {
  'use strict';
  var main = document.querySelector('main[data-chat-conversation], main[data-chat-list]');
  if (!main || !window.EventSource) { return; }
  var conversationId = main.getAttribute('data-chat-conversation');
  var list = document.getElementById('tin-nhan');
  var loading = false;
  var again = false;

  function lastId() {
    return list ? parseInt(list.getAttribute('data-last-id') || '0', 10) : 0;
  }

  function scrollToEnd() {
    var last = list && list.lastElementChild;
    if (last && last.scrollIntoView) { last.scrollIntoView({ block: 'end' }); }
  }

  function fetchNew() {
    if (!conversationId || !list) { return; }
    if (loading) { again = true; return; }
    loading = true;
    fetch('/tro-chuyen/' + conversationId + '/moi?sau=' + lastId(), {
      credentials: 'same-origin', headers: { 'HX-Request': 'true' }
    }).then(function (response) {
      return response.ok ? response.text() : '';
    }).then(function (html) {
      if (html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var items = template.content.querySelectorAll('li.chat-tin');
        items.forEach(function (item) {
          var id = parseInt(item.getAttribute('data-id'), 10);
          if (id > lastId() && !list.querySelector('li.chat-tin[data-id="' + id + '"]')) {
            list.appendChild(item);
            if (window.htmx) { window.htmx.process(item); }
            list.setAttribute('data-last-id', String(id));
          }
        });
        if (items.length) {
          scrollToEnd();
          document.body.setAttribute('data-chat-last', String(lastId()));
        }
      }
    }).catch(function () { /* the next event tries again */ }).then(function () {
      loading = false;
      if (again) { again = false; fetchNew(); }
    });
  }

  var source = new EventSource('/tro-chuyen/su-kien');
  source.addEventListener('ready', function () {
    document.body.setAttribute('data-chat-live', '1');
  });
  source.addEventListener('chat', function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    document.body.setAttribute('data-chat-last-author', String(data.authorName || ''));
    if (conversationId && String(data.conversationId) === conversationId) {
      fetchNew();
    } else {
      var notice = document.getElementById('chat-changed');
      if (notice) { notice.hidden = false; }
      var row = document.querySelector('[data-conversation="' + data.conversationId + '"]');
      if (row) { row.classList.add('unread'); }
    }
  });
  window.addEventListener('pagehide', function () { source.close(); });

  document.body.addEventListener('chat-sent', function () {
    var text = document.getElementById('noi-dung-tin');
    if (text) { text.value = ''; text.focus(); }
    fetchNew();
  });
  scrollToEnd();
})();
