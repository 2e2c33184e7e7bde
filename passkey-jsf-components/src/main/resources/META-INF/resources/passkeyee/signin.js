/*
 * Passkeys for Jakarta EE: the browser side of <pk:signIn> (PasskeySignIn). Passkey autofill in
 * the page's own username field (a conditional get(), renewed before the server's ceremony
 * expires) and a "Sign in with a passkey" button (a modal get(), for the typed username if any).
 * Needs core.js, which the renderer loads first.
 */
(function () {
  'use strict';

  const pk = window.passkeyee && window.passkeyee.internal;
  if (!pk) { if (window.console) console.error('passkeyee: signin.js needs core.js first'); return; }

  async function conditionalGetAvailable() {
    try {
      return !!(PublicKeyCredential.isConditionalMediationAvailable
        && await PublicKeyCredential.isConditionalMediationAvailable());
    } catch (ignored) { return false; }
  }

  /** After the server refused a passkey it does not know: the provider may hide or delete it. */
  function signalUnknown(rpId, credentialId) {
    if (!window.PublicKeyCredential || !PublicKeyCredential.signalUnknownCredential || !rpId) return;
    PublicKeyCredential.signalUnknownCredential({ rpId, credentialId }).catch(() => {});
  }

  /** Sends a sign-in assertion; on a refusal for an unknown passkey, tells the browser. */
  async function finishSignIn(w, credential, rpId) {
    try {
      const answer = await w.api('POST', '/login', pk.credentialJson(credential));
      w.say(w.t('signIn.success'), 'success');
      await pk.signalAccepted(w);
      window.location.assign(answer.redirect);
    } catch (e) {
      if (e.code === 'unknown_credential') signalUnknown(rpId, credential.id);
      throw e;
    }
  }

  /** The browser offers passkeys only in a field whose autocomplete lists "webauthn". */
  function offerPasskeysIn(input) {
    const tokens = (input.getAttribute('autocomplete') || 'username').split(/\s+/);
    if (!tokens.includes('webauthn')) input.setAttribute('autocomplete', tokens.concat('webauthn').join(' ').trim());
  }

  /**
   * Autofill: the browser lists passkeys in the username field's suggestions. The server's
   * ceremony expires, but a conditional request never times out in the browser, so it is renewed
   * (a fresh challenge) a little before the server would refuse it. on: whether the page uses it;
   * request(): (re)starts it; stop(): no more renewals.
   */
  function autofiller(w, input) {
    let renewal = null;
    const self = { on: false, request, stop: () => clearTimeout(renewal) };

    async function request() {
      self.stop();
      const signal = pk.takeTurn();
      renewal = setTimeout(request, Number(w.data.pkRefreshMs) || 240000);
      let options, credential;
      try {
        options = await w.api('POST', '/login/options', {}, signal);
        credential = await navigator.credentials.get({ mediation: 'conditional', publicKey: pk.parseRequest(options), signal });
      } catch (e) {
        // The server failed, or could not be asked: worth telling.
        if (e.status || e.client) { self.stop(); pk.sayFailure(w, e); }
        return; // the browser declined or another ceremony took over: silent by design
      }
      self.stop();
      try { await finishSignIn(w, credential, options.rpId); } catch (e) {
        pk.sayFailure(w, e);
        // Offer autofill again when the person returns to the field (not at once: the refused
        // passkey would be offered straight back, and some browsers pick it without asking).
        input.addEventListener('focus', request, { once: true });
      }
    }
    return self;
  }

  /** The button: aborts the pending autofill request first, then a modal get(). */
  function onButton(w, button, input, autofill) {
    button.addEventListener('click', () => pk.busy(button, async () => {
      autofill.stop();
      const signal = pk.takeTurn(); // aborts the pending autofill request first
      const username = input && input.value.trim();
      w.say(w.t('signIn.working'));
      try {
        const options = await w.api('POST', '/login/options', username ? { username } : {}, signal);
        const credential = await navigator.credentials.get({ publicKey: pk.parseRequest(options), signal });
        await finishSignIn(w, credential, options.rpId);
      } catch (e) {
        if (pk.failureText(w, e) === null) return; // superseded
        pk.sayFailure(w, e);
        if (autofill.on) autofill.request();
      }
    }));
  }

  async function initSignIn(w) {
    const button = w.find('.pk-sign-in-button');
    const input = w.data.pkFor ? document.getElementById(w.data.pkFor) : null;
    if (!pk.webAuthnAvailable()) return; // the password form stays; the button stays hidden
    button.hidden = false;
    const autofill = autofiller(w, input);
    onButton(w, button, input, autofill);
    autofill.on = w.data.pkAutofill !== 'false' && !!input && await conditionalGetAvailable();
    if (autofill.on) {
      offerPasskeysIn(input);
      autofill.request();
    }
  }

  pk.define('sign-in', initSignIn);
}());
