/*
 * Dieu Hanh: Vietnamese for Camunda Forms (form-js) in Tasklist (see docs/webapps.md, "Camunda Forms in Vietnamese").
 *
 * form-js 1.x, bundled in Tasklist 7.24's lib/deps.js, has no translation hook: its validation messages
 * ("Field is required.", ...) and the "Select"/"Search" placeholders are hard-coded English, and its date picker
 * (flatpickr) uses flatpickr's default (English) locale. Loaded as a Tasklist custom script (config.js,
 * customScripts), this module
 *   1. switches flatpickr's default locale to Vietnamese (window.flatpickr.localize), and
 *   2. rewrites those English texts inside form-js containers and flatpickr calendars as they appear
 *      (a MutationObserver), leaving every other text alone.
 * It acts only when Tasklist itself is in Vietnamese: the browser's first language is "vi" (Tasklist's own rule).
 * Nothing of Camunda's is modified, so a Camunda upgrade at worst brings back an English message.
 */
const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();

const EXACT = {
  'Field is required.': 'Trường này là bắt buộc.',
  'Field must be a valid email.': 'Trường phải là địa chỉ e-mail hợp lệ.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Trường phải là số điện thoại quốc tế hợp lệ (ví dụ +84912345678).',
  'Value is not a number.': 'Giá trị không phải là số.',
  'Value is expected to be an integer.': 'Giá trị phải là số nguyên.',
  'Select': 'Chọn',
  'Search': 'Tìm kiếm',
  'No results': 'Không có kết quả',
  'All values selected': 'Đã chọn tất cả giá trị',
  'Add new': 'Thêm dòng',
  'Collapse': 'Thu gọn',
  'Skip to search': 'Chuyển đến ô tìm kiếm'
};

const PATTERNS = [
  [/^Expand all \((\d+)\)$/, 'Mở rộng tất cả ($1)'],
  [/^Field must match pattern (.*)\.$/, 'Trường phải khớp mẫu $1.'],
  [/^Field must have minimum value of (.*)\.$/, 'Giá trị phải lớn hơn hoặc bằng $1.'],
  [/^Field must have maximum value of (.*)\.$/, 'Giá trị phải nhỏ hơn hoặc bằng $1.'],
  [/^Field must have minimum length of (.*)\.$/, 'Độ dài tối thiểu là $1 ký tự.'],
  [/^Field must have maximum length of (.*)\.$/, 'Độ dài tối đa là $1 ký tự.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Giá trị có tối đa $1 chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    'Vui lòng chọn giá trị hợp lệ, hai giá trị hợp lệ gần nhất là $1 và $2.']
];

const WEEKDAYS_SHORT = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const WEEKDAYS_LONG = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const MONTHS_SHORT = ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'];
const MONTHS_LONG = ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8',
  'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'];

const FLATPICKR_VI = {
  weekdays: { shorthand: WEEKDAYS_SHORT, longhand: WEEKDAYS_LONG },
  months: { shorthand: MONTHS_SHORT, longhand: MONTHS_LONG },
  firstDayOfWeek: 1,
  rangeSeparator: ' đến ',
  weekAbbreviation: 'Tuần',
  scrollTitle: 'Cuộn để thay đổi',
  toggleTitle: 'Nhấn để chuyển',
  time_24hr: true
};

// Calendars created before flatpickr was localised: their English names, mapped one to one.
const CALENDAR = {};
['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].forEach((d, i) => { CALENDAR[d] = WEEKDAYS_SHORT[i]; });
['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December'].forEach((m, i) => { CALENDAR[m] = MONTHS_LONG[i]; });

export function translate(text, calendar) {
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  let result = EXACT[trimmed] || (calendar && CALENDAR[trimmed]);
  if (!result) {
    for (const [pattern, replacement] of PATTERNS) {
      if (pattern.test(trimmed)) {
        result = trimmed.replace(pattern, replacement);
        break;
      }
    }
  }
  return result ? text.replace(trimmed, result) : text;
}

const SCOPE = '.fjs-container, .flatpickr-calendar';

function translateTree(root) {
  const element = root.nodeType === Node.ELEMENT_NODE ? root : root.parentElement;
  if (!element) {
    return;
  }
  const inScope = element.closest(SCOPE);
  const containers = inScope ? [inScope] : element.querySelectorAll(SCOPE);
  containers.forEach((container) => {
    const calendar = container.classList.contains('flatpickr-calendar');
    const walker = document.createTreeWalker(inScope ? element : container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const translated = translate(node.nodeValue, calendar);
      if (translated !== node.nodeValue) {
        node.nodeValue = translated;
      }
    }
    (inScope ? [element, ...element.querySelectorAll('[placeholder]')] : container.querySelectorAll('[placeholder]'))
      .forEach((input) => {
        const placeholder = input.getAttribute && input.getAttribute('placeholder');
        if (placeholder) {
          const translated = translate(placeholder, false);
          if (translated !== placeholder) {
            input.setAttribute('placeholder', translated);
          }
        }
      });
  });
}

let flatpickrLocalised = false;

function localiseFlatpickr() {
  if (!flatpickrLocalised && window.flatpickr && typeof window.flatpickr.localize === 'function') {
    window.flatpickr.localize(FLATPICKR_VI);
    flatpickrLocalised = true;
  }
}

if (language === 'vi' || language.startsWith('vi-')) {
  localiseFlatpickr();
  new MutationObserver((mutations) => {
    localiseFlatpickr();
    mutations.forEach((mutation) => {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
      } else {
        translateTree(mutation.target);
      }
    });
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
  });
  translateTree(document.body);
}

// A custom script may export Tasklist plugins; this one only adds behaviour.
export default [];
