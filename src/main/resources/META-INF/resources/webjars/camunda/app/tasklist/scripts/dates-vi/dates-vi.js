/*
 * Dieu Hanh: keep Tasklist's dates in Vietnamese (see docs/webapps.md).
 *
 * Tasklist 7.24 loads the preferred locale file (vi.json) and the fallback one (en.json); after loading each it
 * calls moment.defineLocale / moment.updateLocale with its "dateLocales", and both of those also make that locale
 * moment's global one. Whichever file arrives last wins, so relative dates ("in 8 days", "a few seconds ago")
 * were often English although vi.json translates them ("sau 8 ngày", "vài giây trước"). When Tasklist is in
 * Vietnamese (browser's first language vi), this custom script puts "vi" back as moment's global locale after
 * every such call, through angular-moment's amMoment so displayed dates refresh. Nothing of Camunda's is
 * modified.
 */
const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();

function install(injector) {
  if (!injector.has('moment')) {
    return;
  }
  const moment = injector.get('moment');
  const amMoment = injector.has('amMoment') ? injector.get('amMoment') : null;
  const apply = () => {
    if (moment.locales().indexOf('vi') > -1 && moment.locale() !== 'vi') {
      if (amMoment) {
        amMoment.changeLocale('vi');
      } else {
        moment.locale('vi');
      }
      injector.get('$rootScope').$applyAsync();
    }
  };
  ['defineLocale', 'updateLocale'].forEach((name) => {
    const original = moment[name];
    moment[name] = function () {
      const result = original.apply(this, arguments);
      apply();
      return result;
    };
  });
  apply();
}

if (language === 'vi' || language.startsWith('vi-')) {
  // The custom script is loaded before Tasklist's AngularJS application starts: wait for its injector.
  const started = Date.now();
  const timer = setInterval(() => {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector || Date.now() - started > 120000) {
      clearInterval(timer);
      if (injector) {
        install(injector);
      }
    }
  }, 100);
}

export default [];
