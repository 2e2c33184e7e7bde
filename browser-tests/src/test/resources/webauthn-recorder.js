// Injected through the DevTools protocol (Page.addScriptToEvaluateOnNewDocument) before any page
// script runs: records every WebAuthn call the page makes, with its mediation, the hints of the
// options the page handed over (publicKey.hints, as the browser got them) and its outcome, and
// every Signal API call. The record is kept in sessionStorage, so it survives the navigation that
// follows a sign-in. The widgets know nothing of it.
(() => {
  const KEY = '__webauthnRecord';
  const read = () => JSON.parse(sessionStorage.getItem(KEY) || '[]');
  const write = (record) => sessionStorage.setItem(KEY, JSON.stringify(record));
  const add = (entry) => { const record = read(); entry.index = record.length; record.push(entry); write(record); return entry.index; };
  const update = (index, changes) => { const record = read(); Object.assign(record[index], changes); write(record); };
  const container = navigator.credentials;
  if (!container) return;
  for (const kind of ['get', 'create']) {
    const original = container[kind].bind(container);
    container[kind] = (options) => {
      const hints = options && options.publicKey && options.publicKey.hints;
      const index = add({ kind, mediation: (options && options.mediation) || 'optional', hints: hints && Array.from(hints),
        state: 'pending', path: location.pathname });
      return original(options).then(
        (credential) => { update(index, { state: 'resolved', id: credential && credential.id }); return credential; },
        (error) => { update(index, { state: 'rejected', error: error && error.name }); throw error; });
    };
  }
  const P = window.PublicKeyCredential;
  if (!P) return;
  for (const name of ['signalUnknownCredential', 'signalAllAcceptedCredentials', 'signalCurrentUserDetails']) {
    const original = P[name];
    if (typeof original !== 'function') continue;
    P[name] = function (details) { add({ kind: name, details, path: location.pathname }); return original.call(P, details); };
  }
})();
