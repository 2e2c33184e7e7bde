/*
 * Passkeys for Jakarta EE: the browser side of <pk:upgrade> (PasskeyUpgrade). After a password
 * sign-in of a caller without passkeys: a conditional create where the browser supports it (the
 * password manager may create a passkey without a prompt), and an offer with "create" and
 * "not now" (remembered for the browser session). Needs core.js, which the renderer loads first.
 */
(function () {
  'use strict';

  const pk = window.passkeyee && window.passkeyee.internal;
  if (!pk) { if (window.console) console.error('passkeyee: upgrade.js needs core.js first'); return; }

  const DISMISSED = 'passkeyee.upgrade.dismissed:';
  const OFFER_DELAY_MS = 1500;

  async function conditionalCreateAvailable() {
    try {
      const capabilities = PublicKeyCredential.getClientCapabilities
        ? await PublicKeyCredential.getClientCapabilities() : {};
      return capabilities.conditionalCreate === true;
    } catch (ignored) { return false; }
  }

  /** The caller's account, if the offer is for them: signed in with a password, no passkey yet, not dismissed. */
  async function callerToOffer(w) {
    let me;
    try { me = await w.api('GET', '/credentials'); } catch (ignored) { return null; }
    const fresh = me.signedInWith === 'password' && me.canAddPasskey && me.passkeys.length === 0;
    return fresh && !sessionStorage.getItem(DISMISSED + me.user.name) ? me : null;
  }

  /** The offer's state: show() unless done; finish() with a passkey created. */
  function offer(w) {
    const element = w.find('.pk-offer');
    const self = {
      done: false,
      element,
      show() { if (!self.done) element.hidden = false; },
      finish(text, result) {
        self.done = true;
        element.hidden = true;
        w.say(w.t(text), 'success');
        w.element.dataset.pkResult = result;
        pk.announceChange();
        pk.signalAccepted(w);
      },
    };
    return self;
  }

  /**
   * Conditional create: the password manager that just filled in the password may create a
   * passkey without a prompt (the server accepts it without user presence, for this ceremony
   * only). A browser that cannot leaves the request pending, possibly for ever, so the offer
   * appears after a moment anyway; its button aborts the pending request (takeTurn).
   */
  function createConditionally(w, theOffer) {
    pk.createPasskey(w, { conditional: true }, null, 'conditional').then(
      () => theOffer.finish('upgrade.createdConditionally', 'conditional'),
      (e) => { if (e.name !== 'AbortError') theOffer.show(); });
    setTimeout(theOffer.show, OFFER_DELAY_MS);
  }

  function onButtons(w, theOffer, me) {
    const create = w.find('.pk-upgrade-create');
    create.addEventListener('click', () => pk.busy(create, async () => {
      w.say(w.t('upgrade.working'));
      try {
        await pk.createPasskey(w, {});
        theOffer.finish('upgrade.created', 'created');
      } catch (e) {
        pk.sayFailure(w, e);
      }
    }));
    w.find('.pk-upgrade-dismiss').addEventListener('click', () => {
      sessionStorage.setItem(DISMISSED + me.user.name, '1');
      theOffer.done = true;
      pk.abortTurn(); // a pending conditional create, too: "not now" means not now
      theOffer.element.hidden = true;
      w.say('');
    });
  }

  async function initUpgrade(w) {
    if (!pk.webAuthnAvailable()) return;
    const me = await callerToOffer(w);
    if (!me) return;
    const theOffer = offer(w);
    if (w.data.pkConditional !== 'false' && await conditionalCreateAvailable()) {
      createConditionally(w, theOffer);
    } else {
      theOffer.show();
    }
    onButtons(w, theOffer, me);
  }

  pk.define('upgrade', initUpgrade);
}());
