/*
 * Dieu Hanh: behaviour of Camunda Forms (form-js) in Tasklist that officials need (see docs/webapps.md,
 * "Tasklist forms: officials picker, Escape, error messages"). A Tasklist custom script (config.js, customScripts).
 *
 * 1. Escape inside a dropdown field (select, tag list, date picker) closes the dropdown only. Without this, the key
 *    also reaches the "Khởi tạo quy trình" dialog (ui-bootstrap's $uibModal listens on the document) and closes the
 *    whole start form, losing what was typed. form-js handles the key on the field itself; we stop it on <body>,
 *    before the document.
 * 2. "Giao trực tiếp cho cán bộ" (instant-assignment start form, field Field_assignee_43) suggests the officials of
 *    the unit chosen above it (Field_unitCode_42) as the user types: a <datalist> filled from
 *    /tasklist-forms/assignable-officials, which answers with the Tasklist login and only for a unit the user may
 *    assign work to. The field stays a text field: the server checks the official again when the task is created.
 */
const DROPDOWN_FIELDS = '.fjs-form-field-select, .fjs-form-field-taglist, .fjs-form-field-datetime';
const ASSIGNEE_FIELD = 'Field_assignee_43';
const UNIT_FIELD = 'Field_unitCode_42';
const LIST_ID = 'dieuhanh-assignable-officials';

document.body.addEventListener('keydown', (event) => {
  const target = event.target;
  if ((event.key === 'Escape' || event.key === 'Esc') && target && target.closest
      && target.closest('.fjs-container') && target.closest(DROPDOWN_FIELDS)) {
    event.stopPropagation();
  }
});

function endpoint(unit, query) {
  // the application's root: Tasklist runs under <root>/camunda/app/tasklist/...
  const root = window.location.pathname.split('/camunda/app/')[0];
  const url = new URL(root + '/tasklist-forms/assignable-officials', window.location.origin);
  url.searchParams.set('unit', unit);
  url.searchParams.set('q', query);
  return url;
}

function unitOf(assignee) {
  const container = assignee.closest('.fjs-container') || document;
  const field = container.querySelector('[id$="-' + UNIT_FIELD + '"]');
  if (!field) {
    return '';
  }
  if ('value' in field && field.value) {
    return field.value;
  }
  const wrapper = field.closest('.fjs-form-field') || field;
  const display = wrapper.querySelector('.fjs-select-display, input');
  return display ? (display.value || display.textContent || '').trim() : '';
}

function hintFor(assignee) {
  const wrapper = assignee.closest('.fjs-form-field') || assignee.parentElement;
  let hint = wrapper.querySelector('.dieuhanh-hint');
  if (!hint) {
    hint = document.createElement('div');
    hint.className = 'dieuhanh-hint fjs-form-field-description';
    wrapper.appendChild(hint);
  }
  return hint;
}

let pending = null;

function suggest(assignee) {
  let list = document.getElementById(LIST_ID);
  if (!list) {
    list = document.createElement('datalist');
    list.id = LIST_ID;
    document.body.appendChild(list);
  }
  assignee.setAttribute('list', LIST_ID);
  assignee.setAttribute('autocomplete', 'off');
  const unit = unitOf(assignee);
  const hint = hintFor(assignee);
  if (!unit) {
    list.replaceChildren();
    hint.textContent = 'Chọn đơn vị thực hiện trước để tìm cán bộ.';
    return;
  }
  clearTimeout(pending);
  pending = setTimeout(() => {
    fetch(endpoint(unit, assignee.value || ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        list.replaceChildren();
        if (!ok) {
          hint.textContent = (body && body.detail) || 'Không tìm được cán bộ.';
          return;
        }
        body.forEach((official) => {
          const option = document.createElement('option');
          option.value = official.userId;
          option.label = official.name ? official.name + ' (' + official.userId + ')' : official.userId;
          option.textContent = option.label;
          list.appendChild(option);
        });
        hint.textContent = body.length ? 'Gợi ý: ' + body.length + ' cán bộ của đơn vị đã chọn.'
          : 'Không có cán bộ phù hợp trong đơn vị đã chọn.';
      })
      .catch(() => { hint.textContent = 'Không tải được danh sách cán bộ.'; });
  }, 200);
}

['focusin', 'input'].forEach((type) => document.body.addEventListener(type, (event) => {
  const target = event.target;
  if (target && target.id && target.id.endsWith('-' + ASSIGNEE_FIELD)) {
    suggest(target);
  }
}));

// A custom script may export Tasklist plugins; this one only adds behaviour.
export default [];
