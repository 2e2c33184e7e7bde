/*
 * Passkeys for Jakarta EE: the browser side of <pk:register> (PasskeyRegistration). Adds a
 * passkey to the signed-in caller's account (with an optional name; a step-up first when the
 * server asks for a fresher proof), or, in sign-up mode, creates an account with a passkey and
 * goes where the server says. Needs core.js, which the renderer loads first.
 */
(function () {
  'use strict';

  const pk = window.passkeyee && window.passkeyee.internal;
  if (!pk) { if (window.console) console.error('passkeyee: register.js needs core.js first'); return; }

  /** The options request's body for a sign-up: {username, displayName?}; null (and says why) without a name. */
  function signUpBody(w) {
    const username = w.find('.pk-username').value.trim();
    if (!username) {
      w.say(w.t('register.usernameRequired'), 'error');
      w.find('.pk-username').focus();
      return null;
    }
    const body = { username };
    const displayName = w.find('.pk-display-name').value.trim();
    if (displayName) body.displayName = displayName;
    return body;
  }

  /** The name the person gave the new passkey, if the widget asks for one. */
  function passkeyName(w) {
    const field = w.find('.pk-passkey-name');
    return field ? field.value.trim() || null : null;
  }

  async function signUp(w) {
    const body = signUpBody(w);
    if (!body) return;
    w.say(w.t('register.working'));
    const summary = await pk.createPasskey(w, body, null);
    w.say(w.t('register.created'), 'success');
    window.location.assign(summary.redirect);
  }

  async function addPasskey(w) {
    const label = passkeyName(w);
    w.say(w.t('register.working'));
    const summary = await pk.createPasskey(w, {}, label);
    if (w.find('.pk-passkey-name')) w.find('.pk-passkey-name').value = '';
    w.say(w.t('register.added', summary.label || summary.provider), 'success');
    pk.announceChange();
    pk.signalAccepted(w);
  }

  function initRegister(w) {
    const button = w.find('.pk-register-button');
    const inputs = Array.from(w.element.querySelectorAll('input'));
    if (!pk.webAuthnAvailable()) {
      button.disabled = true;
      w.say(w.t('common.unsupported'), 'error');
      return;
    }
    // Enter in one of the widget's fields starts the ceremony instead of submitting a surrounding form.
    inputs.forEach((input) => input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); button.click(); }
    }));
    const ceremony = w.data.pkMode === 'sign-up' ? signUp : addPasskey;
    button.addEventListener('click', () => pk.busy(button, async () => {
      try {
        await ceremony(w);
      } catch (e) {
        pk.sayFailure(w, e);
      }
    }));
  }

  pk.define('register', initRegister);
}());
