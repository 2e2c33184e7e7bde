/*
 * Passkeys for Jakarta EE: what the Faces widgets' scripts share. Every widget's renderer loads
 * this script first, then the widget's own (signin.js, register.js, upgrade.js, manage.js), each
 * once per page. No framework, no inline script: each widget's root element carries
 * data-passkeyee="<kind>" and its settings in data-pk-* attributes (endpoint, texts, locale); the
 * widget scripts register an init function per kind with define(), and this script starts every
 * such element once the document is parsed, and again after Faces Ajax updates.
 *
 * Here: the one AbortController rule, the WebAuthn JSON helpers (the browser's
 * parseCreationOptionsFromJSON / parseRequestOptionsFromJSON / toJSON() where they exist and a
 * small fallback where not), the JSON requests to the server's endpoints and their refusals, the
 * texts of failures, the step-up (a fresh passkey proof in place), the Signal API and start-up.
 *
 * window.passkeyee is the public API (version, start(), stepUp()); passkeyee.internal holds the
 * helpers for the widget scripts only and is not API.
 */
(function () {
  'use strict';

  if (window.passkeyee) return; // loaded twice (two resource declarations): the first one serves

  // ---------------------------------------------------------------------------------------------
  // The one AbortController rule.
  // A browser runs one WebAuthn request at a time, and a conditional (autofill) get() stays
  // pending until the person picks a passkey, which may be never. So every ceremony on the page
  // takes its signal from takeTurn(), which first aborts the ceremony before it: the button's
  // modal get() aborts the pending autofill request (otherwise the browser refuses it as "a
  // request is already pending"), a renewed autofill request aborts the stale one, and two widgets
  // on one page cannot block each other. An aborted request rejects with an AbortError, which no
  // widget ever shows: it only means that another ceremony took over.
  // ---------------------------------------------------------------------------------------------
  let turn = null;
  function takeTurn() {
    abortTurn();
    turn = new AbortController();
    return turn.signal;
  }

  /** Aborts the pending ceremony, if any, without starting another. */
  function abortTurn() {
    if (turn) turn.abort();
  }

  // ---- base64url and the JSON helpers' fallback ----

  function toB64url(buffer) {
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let text = '';
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromB64url(text) {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  }

  const withBinaryIds = (list) => (list || []).map((c) => Object.assign({}, c, { id: fromB64url(c.id) }));

  function parseCreation(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromB64url(json.challenge),
      user: Object.assign({}, json.user, { id: fromB64url(json.user.id) }),
      excludeCredentials: withBinaryIds(json.excludeCredentials),
    });
  }

  function parseRequest(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromB64url(json.challenge),
      allowCredentials: withBinaryIds(json.allowCredentials),
    });
  }

  /** The response part of a credential's JSON, for a registration or an assertion. */
  function responseJson(r) {
    const response = { clientDataJSON: toB64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toB64url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = toB64url(r.authenticatorData);
      response.signature = toB64url(r.signature);
      if (r.userHandle) response.userHandle = toB64url(r.userHandle);
    }
    return response;
  }

  /** RegistrationResponseJSON or AuthenticationResponseJSON of a credential. */
  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      try { return credential.toJSON(); } catch (ignored) { /* some providers' objects throw: fall back */ }
    }
    return {
      id: credential.id, rawId: toB64url(credential.rawId), type: credential.type,
      response: responseJson(credential.response),
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    };
  }

  const webAuthnAvailable = () => !!(window.PublicKeyCredential && navigator.credentials);

  // ---- HTTP ----

  /**
   * A failure found in the browser, with no answer of the server to read: the fetch failed
   * (network), the answer was a redirect (redirected: e.g. a proxy or another mechanism sends the
   * request to an HTML sign-in page), or a success came without JSON (not_json: not the passkey
   * endpoints' answer). Its "client" property names it; it never has a "code", which is always
   * the server's own.
   */
  function clientError(kind) {
    return Object.assign(new Error('passkeyee client-side failure: ' + kind), { client: kind });
  }

  /** The server's refusal: its JSON {"error", "message"} (when it sent JSON) and its HTTP status. */
  function refusal(response, data) {
    const code = data && typeof data.error === 'string' ? data.error : undefined;
    return Object.assign(new Error((data && data.message) || 'HTTP ' + response.status),
      { status: response.status, code });
  }

  function requestInit(method, body, signal) {
    // Both headers say "JSON, please": the passkey mechanism then answers a request without a
    // session with its JSON 401 not_authenticated instead of a redirect to the login page (other
    // mechanisms may look at X-Requested-With only). 'same-origin' credentials must stay: a
    // stranger's sign-in or sign-up travels between its options and its answer as a sealed,
    // HttpOnly cookie the server sets, and only sent cookies bring it back.
    const init = { method, signal, credentials: 'same-origin', redirect: 'manual',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return init;
  }

  /** A JSON request; a refusal throws an Error with the server's code and the HTTP status. */
  async function api(url, method, body, signal) {
    let response;
    try {
      response = await fetch(url, requestInit(method, body, signal));
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw clientError('network');
    }
    // redirect: 'manual' hides a redirect's target and body: nothing of the server to read.
    if (response.type === 'opaqueredirect') throw clientError('redirected');
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok && data === null && response.status !== 204) throw clientError('not_json');
    if (response.ok) return data;
    // A refusal without JSON (e.g. a proxy's error page) still has the server's status.
    throw refusal(response, data);
  }

  // ---- one widget: its element, settings, texts and status line ----

  /** An options request's body with the widget's hints (data-pk-hints), when it names some. */
  function withHints(data, path, body) {
    if (!data.pkHints || !path.endsWith('/options') || !body) return body;
    return Object.assign({ hints: data.pkHints.split(/\s+/) }, body);
  }

  function widget(element) {
    const data = element.dataset;
    let texts = {};
    try { texts = JSON.parse(data.pkMessages || '{}'); } catch (ignored) { /* keys are shown instead */ }
    const status = element.querySelector(':scope > .pk-status');
    return {
      element,
      data,
      find: (selector) => element.querySelector(selector),
      /**
       * A text with {0} replaced by value, verbatim: a replacement function, since a replacement
       * string would read $& or $' in a passkey's label as patterns.
       */
      t: (key, value) => (texts[key] || key).replace('{0}', () => (value == null ? '' : String(value))),
      has: (key) => Object.prototype.hasOwnProperty.call(texts, key),
      /** Shows a message in the live status line; kind (info, success, error) is data-pk-kind for CSS. */
      say(text, kind) {
        status.textContent = text || '';
        status.dataset.pkKind = kind || 'info';
      },
      api: (method, path, body, signal) => api(data.pkEndpoint + path, method, withHints(data, path, body), signal),
      /** A change the person asked for: when it needs a fresher proof, a step-up first (stepUp). */
      act: (method, path, body) => withStepUp(data.pkEndpoint,
        () => api(data.pkEndpoint + path, method, withHints(data, path, body))),
    };
  }

  // ---- failures in the person's words ----

  /** The failure in the person's words; null for an abort (another ceremony took over). */
  function failureText(w, error) {
    if (!error || error.name === 'AbortError') return null;
    if (error.code && w.has('common.error.' + error.code)) return w.t('common.error.' + error.code);
    if (error.status) return w.t(error.status >= 500 ? 'common.error.server' : 'common.error.rejected');
    if (error.client) {
      return w.t(w.has('common.error.' + error.client) ? 'common.error.' + error.client : 'common.error.unexpected');
    }
    if (w.has('common.error.' + error.name)) return w.t('common.error.' + error.name);
    return w.t('common.error.unexpected');
  }

  /** Whether signing in again is the way out: the failure then links to the login page. */
  const needsSignIn = (error) => error.code === 'reauthentication_required'
    || error.code === 'not_authenticated' || error.client === 'redirected';

  function sayFailure(w, error) {
    const text = failureText(w, error);
    if (text === null) return;
    w.say(text, 'error');
    if (needsSignIn(error)) {
      const link = document.createElement('a');
      link.href = w.data.pkLoginPage;
      link.className = 'pk-reauthenticate';
      link.textContent = w.t('common.reauthenticate');
      w.find(':scope > .pk-status').append(' ', link);
    }
  }

  // ---- step-up: a fresh passkey proof in place ----

  /**
   * Runs a change the person asked for (add, rename, delete a passkey). When the server answers
   * reauthentication_required (the caller's last proof is older than the re-authentication
   * window), it asks for one of the caller's passkeys right here, in the browser's own dialog,
   * then runs the change once more: nobody is sent away to the login page and loses their place.
   * Without a passkey to prove it with, or when the person cancels, the first refusal stands (and
   * the widget links to the login page). Only for what a person just clicked: a dialog that opens
   * by itself would be a surprise.
   */
  async function withStepUp(endpoint, request) {
    try {
      return await request();
    } catch (refused) {
      if (refused.code !== 'reauthentication_required') throw refused;
      try {
        await stepUp(endpoint);
      } catch (stepUpFailed) {
        throw stepUpFailed.name === 'AbortError' ? stepUpFailed : refused;
      }
      return request();
    }
  }

  /** The caller proves again, with a passkey, who they are: POST /reauthenticate/options, get(), POST /reauthenticate. */
  async function stepUp(endpoint) {
    const options = await api(endpoint + '/reauthenticate/options', 'POST', {});
    const signal = takeTurn();
    const credential = await navigator.credentials.get({ publicKey: parseRequest(options), signal });
    return api(endpoint + '/reauthenticate', 'POST', credentialJson(credential));
  }

  // ---- the Signal API: keep the person's passkey list in step with the server ----

  const within = (promise, millis) => Promise.race([promise, new Promise((done) => setTimeout(done, millis))]);

  /** The Signal API calls that tell the browser the caller's accepted passkeys and names. */
  function acceptedSignals(P, me) {
    const calls = [];
    if (P.signalAllAcceptedCredentials) {
      calls.push(P.signalAllAcceptedCredentials({ rpId: me.rpId, userId: me.user.id,
        allAcceptedCredentialIds: me.passkeys.map((p) => p.id) }));
    }
    if (P.signalCurrentUserDetails) {
      calls.push(P.signalCurrentUserDetails({ rpId: me.rpId, userId: me.user.id,
        name: me.user.name, displayName: me.user.displayName || me.user.name }));
    }
    return calls;
  }

  /**
   * After a sign-in, a rename or a deletion: tells the browser which passkeys the server still
   * accepts for this caller and the caller's current names, so that passkey providers can hide
   * deleted passkeys and show new names. Never fails, never waits more than a second.
   */
  async function signalAccepted(w) {
    const P = window.PublicKeyCredential;
    if (!P || (!P.signalAllAcceptedCredentials && !P.signalCurrentUserDetails)) return;
    try {
      const me = await within(w.api('GET', '/credentials'), 1000);
      if (!me || !me.user || !me.user.id) return;
      await within(Promise.allSettled(acceptedSignals(P, me)), 1000);
    } catch (ignored) { /* a courtesy to the passkey provider: nothing to tell the person */ }
  }

  // ---- what several widgets do ----

  /** Creates a passkey: options, create(), then the credential to the server (register and upgrade). */
  async function createPasskey(w, optionsBody, label, mediation) {
    // A passkey the person asked for may need a step-up first; one offered by itself never does.
    const options = mediation ? await w.api('POST', '/register/options', optionsBody)
      : await w.act('POST', '/register/options', optionsBody);
    const signal = takeTurn();
    const request = { publicKey: parseCreation(options), signal };
    if (mediation) request.mediation = mediation;
    const credential = await navigator.credentials.create(request);
    const body = { credential: credentialJson(credential) };
    if (label) body.label = label;
    return mediation ? w.api('POST', '/register', body) : w.act('POST', '/register', body);
  }

  /** Disables a button while its action runs, so that one click starts one ceremony. */
  async function busy(button, action) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try { await action(); } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  /** Tells the page that the caller's passkeys changed (a <pk:manage> table reloads). */
  const announceChange = () => document.dispatchEvent(new CustomEvent('passkeyee:changed'));

  // ---- start-up ----

  const WIDGETS = {}; // kind -> init(w), filled by the widget scripts through define()
  const started = new WeakSet();

  function initAll() {
    document.querySelectorAll('[data-passkeyee]').forEach((element) => {
      const init = WIDGETS[element.dataset.passkeyee];
      if (!init || started.has(element)) return;
      started.add(element);
      Promise.resolve().then(() => init(widget(element))).catch((e) => {
        if (window.console) console.error('passkeyee: widget failed to start', e);
      });
    });
  }

  /**
   * A widget script registers its kind's init function. Once the document is parsed (a script
   * that a Faces Ajax update brought along), the widgets of that kind start at once; before, they
   * start with all others when the document is ready.
   */
  function define(kind, init) {
    if (WIDGETS[kind]) return; // its script loaded twice: the first one serves
    WIDGETS[kind] = init;
    if (document.readyState !== 'loading') initAll();
  }

  function start() {
    initAll();
    // A Faces Ajax update may render a widget anew: start the new element too.
    const faces = window.faces || window.jsf;
    if (faces && faces.ajax && faces.ajax.addOnEvent) {
      faces.ajax.addOnEvent((event) => { if (event.status === 'success') initAll(); });
    }
  }

  /**
   * The page's own sensitive actions: passkeyee.stepUp() asks for a fresh passkey proof (the
   * browser's dialog) before the page retries an action the server refused for want of one
   * (CallerProofs.passkeyWithin on the server). endpoint: the passkey endpoint prefix with the
   * context path, e.g. '/shop/passkey' (default: the first widget's, or '/passkey').
   */
  function pageStepUp(endpoint) {
    const first = document.querySelector('[data-passkeyee]');
    return stepUp(endpoint || (first && first.dataset.pkEndpoint) || '/passkey');
  }

  const internal = Object.freeze({
    define, takeTurn, abortTurn, parseRequest, credentialJson, webAuthnAvailable,
    failureText, sayFailure, signalAccepted, createPasskey, busy, announceChange,
  });
  window.passkeyee = Object.freeze({ version: 1, start: initAll, stepUp: pageStepUp, internal });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
