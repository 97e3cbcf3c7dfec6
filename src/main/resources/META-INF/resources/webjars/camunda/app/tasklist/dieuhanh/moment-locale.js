/*
 * Dieu Hanh: relative dates ("sau 5 ngày", "3 phút trước") in the user's language from the first visit on.
 *
 * Tasklist registers the moment.js locale of each locale file it loads (locales/vi.json and the fallback
 * locales/en.json) from the loader's callback, and moment.defineLocale / updateLocale also switch moment's
 * GLOBAL locale to the locale just registered. On a first visit both files come over HTTP and whichever
 * response arrives last wins: when en.json arrives after vi.json, moment stays English for the whole session.
 * (Later visits read both files from localStorage synchronously, English first, so Vietnamese wins.) The
 * am-time-ago directive also renders once and only re-renders on "amMoment:localeChanged".
 *
 * This module, loaded through requireJsConfig in scripts/config.js, sets moment's global locale to the language
 * angular-translate actually uses after every locale load and tells am-time-ago to re-render. See docs/webapps.md.
 */
define(['angular'], function (angular) {
  'use strict';

  return angular.module('dieuhanh.momentLocale', ['pascalprecht.translate', 'angularMoment'])
    .run(['$rootScope', '$translate', 'moment', function ($rootScope, $translate, moment) {
      function applyLanguage() {
        var language = $translate.use();
        if (language && moment.locales().indexOf(language) > -1) {
          moment.locale(language);
          $rootScope.$broadcast('amMoment:localeChanged');
        }
      }
      $rootScope.$on('$translateChangeSuccess', applyLanguage);
      $rootScope.$on('$translateLoadingSuccess', applyLanguage);
    }]);
});
