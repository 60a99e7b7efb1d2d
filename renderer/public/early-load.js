// Starts the window's first plan.load while the app's bundle (megabytes of
// JavaScript) is still being fetched, parsed and started, and leaves the
// pending answer on window.__plannerEarlyPlanLoad, where the API transport
// (renderer/api/early-load.ts) takes it for the first plan.load, once.
// A classic script served as a file (the CSP allows no inline script), run
// before the module bundle; it imports nothing, so it repeats two names of
// renderer/api (TOKEN_HEADER, TOKEN_STORAGE_KEY; tests/renderer/early-load.test.ts
// holds them equal). Electron: the preload's bridge is already there.
/* global window, location */
(function () {
  'use strict';
  function start() {
    var bridge = window.planner;
    if (bridge && typeof bridge.invoke === 'function') return { kind: 'bridge', answer: bridge.invoke('plan.load', {}) };
    var token;
    try {
      token = new URL(location.href).searchParams.get('token') || window.sessionStorage.getItem('planner.token');
    } catch {
      return null; // no storage here: the app finds that out itself when it starts
    }
    if (!token) return null;
    var answer = fetch('/api/plan.load', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Planner-Token': token },
      body: '{}',
      cache: 'no-store',
      credentials: 'omit',
    }).then(function (res) {
      // Read and parsed now, while the bundle still loads: as http.ts readReply does.
      return res.json().then(
        function (body) {
          return { status: res.status, body: body };
        },
        function () {
          return { status: res.status, body: undefined };
        },
      );
    });
    return { kind: 'http', token: token, answer: answer };
  }
  var early = start();
  if (!early) return;
  // Until the transport takes it, a failure is nobody's to report; the transport still sees it.
  early.answer.catch(function () {});
  window.__plannerEarlyPlanLoad = early;
})();
