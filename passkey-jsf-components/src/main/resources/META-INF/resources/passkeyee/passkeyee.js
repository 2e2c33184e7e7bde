/*
 * Passkeys for Jakarta EE: the browser side of the Faces widgets <pk:signIn>, <pk:register>,
 * <pk:upgrade> and <pk:manage>. One script for all of them, no framework, no inline script:
 * each widget's root element carries data-passkeyee="<kind>" and its settings in data-pk-*
 * attributes (endpoint, texts, locale), and this script initialises every such element once the
 * document is parsed, and again after Faces Ajax updates.
 *
 * It talks to the server only through the JSON endpoints (WebAuthn Level 3 JSON), uses the
 * browser's parseCreationOptionsFromJSON / parseRequestOptionsFromJSON / toJSON() where they
 * exist and a small fallback where not, and feature-detects everything else (conditional
 * mediation, conditional create, the Signal API).
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
    if (turn) turn.abort();
    turn = new AbortController();
    return turn.signal;
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

  /** RegistrationResponseJSON or AuthenticationResponseJSON of a credential. */
  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      try { return credential.toJSON(); } catch (ignored) { /* some providers' objects throw: fall back */ }
    }
    const r = credential.response;
    const response = { clientDataJSON: toB64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toB64url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = toB64url(r.authenticatorData);
      response.signature = toB64url(r.signature);
      if (r.userHandle) response.userHandle = toB64url(r.userHandle);
    }
    return {
      id: credential.id, rawId: toB64url(credential.rawId), type: credential.type, response,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    };
  }

  // ---- feature detection ----

  const webAuthnAvailable = () => !!(window.PublicKeyCredential && navigator.credentials);

  async function conditionalGetAvailable() {
    try {
      return !!(PublicKeyCredential.isConditionalMediationAvailable
        && await PublicKeyCredential.isConditionalMediationAvailable());
    } catch (ignored) { return false; }
  }

  async function conditionalCreateAvailable() {
    try {
      const capabilities = PublicKeyCredential.getClientCapabilities
        ? await PublicKeyCredential.getClientCapabilities() : {};
      return capabilities.conditionalCreate === true;
    } catch (ignored) { return false; }
  }

  // ---- one widget: its element, settings, texts and status line ----

  function widget(element) {
    const data = element.dataset;
    let texts = {};
    try { texts = JSON.parse(data.pkMessages || '{}'); } catch (ignored) { /* keys are shown instead */ }
    const status = element.querySelector(':scope > .pk-status');
    return {
      element,
      data,
      find: (selector) => element.querySelector(selector),
      /** A text with {0} replaced. */
      t: (key, value) => (texts[key] || key).replace('{0}', value == null ? '' : value),
      has: (key) => Object.prototype.hasOwnProperty.call(texts, key),
      /** Shows a message in the live status line; kind (info, success, error) is data-pk-kind for CSS. */
      say(text, kind) {
        status.textContent = text || '';
        status.dataset.pkKind = kind || 'info';
      },
      api: (method, path, body, signal) => api(data.pkEndpoint + path, method, body, signal),
      /** A change the person asked for: when it needs a fresher proof, a step-up first (stepUp). */
      act: (method, path, body) => withStepUp(data.pkEndpoint, () => api(data.pkEndpoint + path, method, body)),
    };
  }

  /** The failure in the person's words; null for an abort (another ceremony took over). */
  function failureText(w, error) {
    if (!error || error.name === 'AbortError') return null;
    if (error.code && w.has('common.error.' + error.code)) return w.t('common.error.' + error.code);
    if (error.status) return w.t(error.status >= 500 ? 'common.error.server' : 'common.error.rejected');
    if (error.network) return w.t('common.error.network');
    if (w.has('common.error.' + error.name)) return w.t('common.error.' + error.name);
    return w.t('common.error.unexpected');
  }

  function sayFailure(w, error) {
    const text = failureText(w, error);
    if (text === null) return;
    w.say(text, 'error');
    if (error.code === 'reauthentication_required' || error.code === 'not_authenticated') {
      const link = document.createElement('a');
      link.href = w.data.pkLoginPage;
      link.className = 'pk-reauthenticate';
      link.textContent = w.t('common.reauthenticate');
      w.find(':scope > .pk-status').append(' ', link);
    }
  }

  // ---- HTTP ----

  /** A JSON request; a refusal throws an Error with the server's code and the HTTP status. */
  async function api(url, method, body, signal) {
    const init = { method, signal, credentials: 'same-origin', redirect: 'manual',
      headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw Object.assign(new Error('network'), { network: true });
    }
    if (response.type === 'opaqueredirect') throw Object.assign(new Error('signed out'), { status: 401, code: 'not_authenticated' });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok) return data;
    throw Object.assign(new Error((data && data.message) || 'HTTP ' + response.status),
      { status: response.status, code: data && data.error });
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
      const calls = [];
      if (P.signalAllAcceptedCredentials) {
        calls.push(P.signalAllAcceptedCredentials({ rpId: me.rpId, userId: me.user.id,
          allAcceptedCredentialIds: me.passkeys.map((p) => p.id) }));
      }
      if (P.signalCurrentUserDetails) {
        calls.push(P.signalCurrentUserDetails({ rpId: me.rpId, userId: me.user.id,
          name: me.user.name, displayName: me.user.displayName || me.user.name }));
      }
      await within(Promise.allSettled(calls), 1000);
    } catch (ignored) { /* a courtesy to the passkey provider: nothing to tell the person */ }
  }

  /** After the server refused a passkey it does not know: the provider may hide or delete it. */
  function signalUnknown(rpId, credentialId) {
    if (!window.PublicKeyCredential || !PublicKeyCredential.signalUnknownCredential || !rpId) return;
    PublicKeyCredential.signalUnknownCredential({ rpId, credentialId }).catch(() => {});
  }

  // ---- ceremonies ----

  /** Sends a sign-in assertion; on a refusal for an unknown passkey, tells the browser. */
  async function finishSignIn(w, credential, rpId) {
    try {
      const answer = await w.api('POST', '/login', credentialJson(credential));
      w.say(w.t('signIn.success'), 'success');
      await signalAccepted(w);
      window.location.assign(answer.redirect);
    } catch (e) {
      if (e.code === 'unknown_credential') signalUnknown(rpId, credential.id);
      throw e;
    }
  }

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

  const announceChange = () => document.dispatchEvent(new CustomEvent('passkeyee:changed'));

  // ---- <pk:signIn> ----

  async function initSignIn(w) {
    const button = w.find('.pk-sign-in-button');
    const input = w.data.pkFor ? document.getElementById(w.data.pkFor) : null;
    if (!webAuthnAvailable()) return; // the password form stays; the button stays hidden
    button.hidden = false;
    let renewal = null;
    let autofillOn = false;

    // Autofill: the browser lists passkeys in the username field's suggestions. The server's
    // ceremony expires, but a conditional request never times out in the browser, so it is
    // renewed (a fresh challenge) a little before the server would refuse it.
    async function autofill() {
      clearTimeout(renewal);
      const signal = takeTurn();
      renewal = setTimeout(autofill, Number(w.data.pkRefreshMs) || 240000);
      let options, credential;
      try {
        options = await w.api('POST', '/login/options', {}, signal);
        credential = await navigator.credentials.get({ mediation: 'conditional', publicKey: parseRequest(options), signal });
      } catch (e) {
        if (e.status || e.network) { clearTimeout(renewal); sayFailure(w, e); } // the server failed: worth telling
        return; // the browser declined or another ceremony took over: silent by design
      }
      clearTimeout(renewal);
      try { await finishSignIn(w, credential, options.rpId); } catch (e) {
        sayFailure(w, e);
        // Offer autofill again when the person returns to the field (not at once: the refused
        // passkey would be offered straight back, and some browsers pick it without asking).
        input.addEventListener('focus', autofill, { once: true });
      }
    }

    button.addEventListener('click', () => busy(button, async () => {
      clearTimeout(renewal);
      const signal = takeTurn(); // aborts the pending autofill request first
      const username = input && input.value.trim();
      w.say(w.t('signIn.working'));
      let options;
      try {
        options = await w.api('POST', '/login/options', username ? { username } : {}, signal);
        const credential = await navigator.credentials.get({ publicKey: parseRequest(options), signal });
        await finishSignIn(w, credential, options.rpId);
      } catch (e) {
        const text = failureText(w, e);
        if (text === null) return; // superseded
        sayFailure(w, e);
        if (autofillOn) autofill();
      }
    }));

    autofillOn = w.data.pkAutofill !== 'false' && !!input && await conditionalGetAvailable();
    if (autofillOn) {
      // The browser offers passkeys only in a field whose autocomplete lists "webauthn".
      const tokens = (input.getAttribute('autocomplete') || 'username').split(/\s+/);
      if (!tokens.includes('webauthn')) input.setAttribute('autocomplete', tokens.concat('webauthn').join(' ').trim());
      autofill();
    }
  }

  // ---- <pk:register> ----

  function initRegister(w) {
    const button = w.find('.pk-register-button');
    const signUp = w.data.pkMode === 'sign-up';
    const inputs = Array.from(w.element.querySelectorAll('input'));
    if (!webAuthnAvailable()) {
      button.disabled = true;
      w.say(w.t('common.unsupported'), 'error');
      return;
    }
    // Enter in one of the widget's fields starts the ceremony instead of submitting a surrounding form.
    inputs.forEach((input) => input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); button.click(); }
    }));
    button.addEventListener('click', () => busy(button, async () => {
      let body = {};
      let label = null;
      if (signUp) {
        const username = w.find('.pk-username').value.trim();
        if (!username) { w.say(w.t('register.usernameRequired'), 'error'); w.find('.pk-username').focus(); return; }
        body = { username };
        const displayName = w.find('.pk-display-name').value.trim();
        if (displayName) body.displayName = displayName;
      } else if (w.find('.pk-passkey-name')) {
        label = w.find('.pk-passkey-name').value.trim() || null;
      }
      w.say(w.t('register.working'));
      try {
        const summary = await createPasskey(w, body, label);
        if (signUp) {
          w.say(w.t('register.created'), 'success');
          window.location.assign(summary.redirect);
          return;
        }
        if (w.find('.pk-passkey-name')) w.find('.pk-passkey-name').value = '';
        w.say(w.t('register.added', summary.label || summary.provider), 'success');
        announceChange();
        signalAccepted(w);
      } catch (e) {
        sayFailure(w, e);
      }
    }));
  }

  // ---- <pk:upgrade> ----

  const DISMISSED = 'passkeyee.upgrade.dismissed:';
  const OFFER_DELAY_MS = 1500;

  async function initUpgrade(w) {
    if (!webAuthnAvailable()) return;
    const offer = w.find('.pk-offer');
    let me;
    try { me = await w.api('GET', '/credentials'); } catch (ignored) { return; }
    const fresh = me.signedInWith === 'password' && me.canAddPasskey && me.passkeys.length === 0;
    if (!fresh || sessionStorage.getItem(DISMISSED + me.user.name)) return;

    let done = false;
    const finished = (text, result) => {
      done = true;
      offer.hidden = true;
      w.say(w.t(text), 'success');
      w.element.dataset.pkResult = result;
      announceChange();
      signalAccepted(w);
    };
    const showOffer = () => { if (!done) offer.hidden = false; };

    if (w.data.pkConditional !== 'false' && await conditionalCreateAvailable()) {
      // Conditional create: the password manager that just filled in the password may create a
      // passkey without a prompt (the server accepts it without user presence, for this ceremony
      // only). A browser that cannot leaves the request pending, possibly for ever, so the offer
      // appears after a moment anyway; its button aborts the pending request (takeTurn).
      createPasskey(w, { conditional: true }, null, 'conditional').then(
        () => finished('upgrade.createdConditionally', 'conditional'),
        (e) => { if (e.name !== 'AbortError') showOffer(); });
      setTimeout(showOffer, OFFER_DELAY_MS);
    } else {
      showOffer();
    }

    const create = w.find('.pk-upgrade-create');
    create.addEventListener('click', () => busy(create, async () => {
      w.say(w.t('upgrade.working'));
      try {
        await createPasskey(w, {});
        finished('upgrade.created', 'created');
      } catch (e) {
        sayFailure(w, e);
      }
    }));
    w.find('.pk-upgrade-dismiss').addEventListener('click', () => {
      sessionStorage.setItem(DISMISSED + me.user.name, '1');
      done = true;
      if (turn) turn.abort(); // a pending conditional create, too: "not now" means not now
      offer.hidden = true;
      w.say('');
    });
  }

  // ---- <pk:manage> ----

  function initManage(w) {
    const tbody = w.find('tbody');
    const columns = Array.from(w.element.querySelectorAll('thead th'), (th) => th.textContent);
    const confirmBox = w.find('.pk-confirm');
    const dates = new Intl.DateTimeFormat(w.data.pkLocale || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    let passkeys = [];
    let deleting = null;

    const nameOf = (p) => p.label || w.t('manage.unnamed');
    const when = (value) => {
      if (!value) return document.createTextNode(w.t('manage.never'));
      const time = document.createElement('time');
      time.dateTime = value;
      time.textContent = dates.format(new Date(value));
      return time;
    };
    const transports = (p) => (p.transports && p.transports.length
      ? p.transports.map((t) => (w.has('manage.transport.' + t) ? w.t('manage.transport.' + t) : t)).join(', ')
      : w.t('manage.transportsUnknown'));

    function el(tag, className, ...children) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      node.append(...children);
      return node;
    }

    function actionButton(text, aria, className, onClick) {
      const button = el('button', 'pk-button ' + className, text);
      button.type = 'button';
      button.setAttribute('aria-label', aria);
      button.addEventListener('click', onClick);
      return button;
    }

    function row(p) {
      const name = nameOf(p);
      const nameCell = el('th', 'pk-name', name);
      nameCell.scope = 'row';
      const cells = [nameCell, el('td', 'pk-provider', p.provider || ''), el('td', 'pk-created', when(p.createdAt)),
        el('td', 'pk-last-used', when(p.lastUsedAt)),
        el('td', 'pk-storage', w.t(p.backedUp ? 'manage.synced' : 'manage.deviceOnly')),
        el('td', 'pk-transports', transports(p)),
        el('td', 'pk-row-actions',
          actionButton(w.t('manage.rename'), w.t('manage.renameAria', name), 'pk-rename', () => rename(p, nameCell)),
          actionButton(w.t('manage.delete'), w.t('manage.deleteAria', name), 'pk-danger pk-delete', () => askDelete(p)))];
      cells.forEach((cell, i) => cell.setAttribute('data-pk-column', columns[i] || ''));
      const tr = el('tr', 'pk-passkey', ...cells);
      tr.dataset.pkId = p.id;
      if (p.backedUp) tr.classList.add('pk-synced');
      return tr;
    }

    function render() {
      if (!passkeys.length) {
        const empty = el('td', 'pk-empty', w.t('manage.empty'));
        empty.colSpan = columns.length;
        tbody.replaceChildren(el('tr', null, empty));
      } else {
        tbody.replaceChildren(...passkeys.map(row));
      }
      w.element.dataset.pkCount = String(passkeys.length);
    }

    async function load() {
      try {
        passkeys = (await w.api('GET', '/credentials')).passkeys;
        render();
      } catch (e) { sayFailure(w, e); }
    }

    function focusRow(id, selector) {
      const tr = Array.from(tbody.rows).find((r) => r.dataset.pkId === id);
      const target = tr && tr.querySelector(selector);
      if (target) target.focus();
    }

    // Rename in place: the name cell becomes a field with Save and Cancel; Enter saves, Escape cancels.
    function rename(p, cell) {
      const name = nameOf(p);
      const field = el('input', 'pk-input pk-rename-input');
      field.type = 'text';
      field.maxLength = 64;
      field.value = p.label || '';
      field.setAttribute('aria-label', w.t('manage.newName', name));
      const cancel = () => { cell.replaceChildren(name); focusRow(p.id, '.pk-rename'); };
      const save = async () => {
        const label = field.value.trim();
        if (!label || label === p.label) { cancel(); return; }
        field.disabled = true;
        try {
          await w.act('PATCH', '/credentials/' + encodeURIComponent(p.id), { label });
          w.say(w.t('manage.renamed', label), 'success');
          await load();
          focusRow(p.id, '.pk-rename');
          signalAccepted(w);
        } catch (e) {
          field.disabled = false;
          sayFailure(w, e);
          field.focus();
        }
      };
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') { event.preventDefault(); save(); }
        if (event.key === 'Escape') { event.preventDefault(); cancel(); }
      });
      const saveButton = el('button', 'pk-button pk-primary pk-rename-save', w.t('manage.save'));
      saveButton.type = 'button';
      saveButton.addEventListener('click', save);
      const cancelButton = el('button', 'pk-button pk-rename-cancel', w.t('manage.cancel'));
      cancelButton.type = 'button';
      cancelButton.addEventListener('click', cancel);
      cell.replaceChildren(el('span', 'pk-rename-form', field, saveButton, cancelButton));
      field.focus();
      field.select();
    }

    // Delete: a confirmation below the table, with a warning before the last passkey goes.
    function askDelete(p) {
      deleting = p;
      w.find('.pk-confirm-question').textContent = w.t('manage.question', nameOf(p));
      w.find('.pk-warning').hidden = passkeys.length !== 1;
      confirmBox.hidden = false;
      w.find('.pk-confirm-cancel').focus();
    }

    function closeConfirm() {
      const id = deleting && deleting.id;
      confirmBox.hidden = true;
      deleting = null;
      if (id) focusRow(id, '.pk-delete');
    }

    w.find('.pk-confirm-cancel').addEventListener('click', closeConfirm);
    confirmBox.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { event.preventDefault(); closeConfirm(); }
    });
    const confirmButton = w.find('.pk-confirm-delete');
    confirmButton.addEventListener('click', () => busy(confirmButton, async () => {
      const p = deleting;
      if (!p) return;
      try {
        await w.act('DELETE', '/credentials/' + encodeURIComponent(p.id));
        confirmBox.hidden = true;
        deleting = null;
        w.say(w.t('manage.deleted', nameOf(p)), 'success');
        await load();
        signalAccepted(w);
      } catch (e) {
        closeConfirm();
        sayFailure(w, e);
      }
    }));

    document.addEventListener('passkeyee:changed', load);
    load();
  }

  // ---- start-up ----

  const WIDGETS = { 'sign-in': initSignIn, register: initRegister, upgrade: initUpgrade, manage: initManage };
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

  window.passkeyee = Object.freeze({ version: 1, start: initAll, stepUp: pageStepUp });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
