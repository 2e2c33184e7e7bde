// Passkey sample: one ES module for index.html, login.html and account/index.html.
// Each page is recognised by the IDs of its elements (see the bottom of this file).
// No inline scripts or handlers, so the pages work under a strict Content-Security-Policy.

const byId = (id) => document.getElementById(id);

// ---- base64url <-> ArrayBuffer (only needed when the browser lacks the JSON helpers) ----

export function toB64url(buf) {
  const bytes = ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromB64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
}
const withIds = (list) => (list || []).map((c) => ({ ...c, id: fromB64url(c.id) }));

export function parseCreation(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return { ...json, challenge: fromB64url(json.challenge), user: { ...json.user, id: fromB64url(json.user.id) },
    excludeCredentials: withIds(json.excludeCredentials) };
}

export function parseRequest(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return { ...json, challenge: fromB64url(json.challenge), allowCredentials: withIds(json.allowCredentials) };
}

// WebAuthn Level 3 JSON of a credential (RegistrationResponseJSON or AuthenticationResponseJSON).
export function credentialToJSON(cred) {
  if (typeof cred.toJSON === 'function') {
    try { return cred.toJSON(); } catch { /* some extension-provided credentials throw: use the fallback */ }
  }
  const r = cred.response;
  const response = { clientDataJSON: toB64url(r.clientDataJSON) };
  if (r.attestationObject) { // registration
    response.attestationObject = toB64url(r.attestationObject);
    response.transports = r.getTransports?.() ?? [];
    const optional = (buf) => (buf ? toB64url(buf) : undefined); // getPublicKey() is null for unknown algorithms
    Object.assign(response, { authenticatorData: optional(r.getAuthenticatorData?.()),
      publicKey: optional(r.getPublicKey?.()), publicKeyAlgorithm: r.getPublicKeyAlgorithm?.() });
  } else { // authentication
    response.authenticatorData = toB64url(r.authenticatorData);
    response.signature = toB64url(r.signature);
    if (r.userHandle) response.userHandle = toB64url(r.userHandle);
  }
  return { id: cred.id, rawId: toB64url(cred.rawId), type: cred.type, response,
    clientExtensionResults: cred.getClientExtensionResults?.() ?? {},
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined }; // undefined is dropped by JSON
}

// ---- HTTP ----
// JSON request; throws an Error carrying the server's {error, message} as .code / .message and .status.
export async function api(method, path, body, signal) {
  const init = { method, signal, credentials: 'same-origin', headers: { Accept: 'application/json' },
    redirect: 'manual' }; // a redirect to the login page means "signed out", not a page to parse
  if (method === 'POST' || method === 'PATCH') { // the server wants a JSON content type even for {}
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(path, init).catch((e) => {
    throw e.name === 'AbortError' ? e : new Error('Could not reach the server. Check your connection and try again.');
  });
  if (res.type === 'opaqueredirect') throw Object.assign(new Error('You are not signed in.'), { status: 401 });
  const data = res.status === 204 ? null : await res.json().catch(() => null); // empty or non-JSON body: null
  if (res.ok) return data;
  throw Object.assign(new Error(data?.message || `The server answered with HTTP ${res.status}.`),
    { status: res.status, code: data?.error });
}

// ---- UI helpers ----
// Browser (DOMException) errors get a friendly text; server errors already carry a human message.
const BROWSER_ERRORS = {
  NotAllowedError: 'The passkey request was cancelled, timed out, or was not allowed.',
  InvalidStateError: 'This authenticator already holds a passkey for this account.',
  SecurityError: 'Passkeys cannot be used on this address (it does not match the site\'s domain).',
  NotSupportedError: 'This device does not support the requested kind of passkey.',
  AbortError: 'The passkey request was cancelled.',
};
const humanError = (e) => BROWSER_ERRORS[e?.name] || e?.message || 'Something went wrong. Please try again.';

function say(status, text, kind = 'info') {
  Object.assign(status, { textContent: text }).dataset.kind = kind; // data-kind styles the message
}

// Disables a button while an async action runs, so that one click starts one ceremony.
async function busy(button, action) {
  button.disabled = true;
  try { await action(); } finally { button.disabled = false; }
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function supported(status, ...buttons) {
  if (window.PublicKeyCredential && navigator.credentials) return true;
  say(status, 'This browser does not support passkeys.', 'error');
  buttons.forEach((b) => { b.disabled = true; });
  return false;
}

const signOut = () => api('POST', '/passkey/logout', {}).catch(() => {}); // signed out either way

async function createPasskey(optionsBody, label) {
  const options = await api('POST', '/passkey/register/options', optionsBody);
  const cred = await navigator.credentials.create({ publicKey: parseCreation(options) });
  return api('POST', '/passkey/register', { credential: credentialToJSON(cred), ...(label ? { label } : {}) });
}

// ---- index.html: sign-up and "who am I" ----
const describe = (me) => `${me.name} (roles: ${(me.roles || []).join(', ') || 'none'})`;

async function showWhoAmI() {
  const me = await api('GET', '/api/me').catch(() => null);
  byId('whoami-text').textContent = me ? `Signed in as ${describe(me)}` : 'Not signed in';
  byId('signout-button').hidden = !me;
  byId('account-link').hidden = !me;
}

function initHome() {
  const form = byId('signup-form'), status = byId('signup-status'), button = form.querySelector('button');
  supported(status, button);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(button, async () => {
      const username = byId('signup-username').value.trim();
      const displayName = byId('signup-displayname').value.trim() || username;
      say(status, 'Follow your browser\'s instructions to create a passkey…');
      try {
        const answer = await createPasskey({ username, displayName });
        say(status, 'Account created. Redirecting…', 'success');
        location.assign(answer?.redirect || '/account/');
      } catch (e) { say(status, humanError(e), 'error'); }
    });
  });
  byId('signout-button').addEventListener('click', () => signOut().then(showWhoAmI));
  showWhoAmI();
}

// ---- login.html: conditional UI (autofill) plus a button ----
const REFRESH_MS = 4 * 60 * 1000; // the server's ceremony expires after 5 minutes
// A browser runs only one WebAuthn request at a time, and the conditional one stays pending
// until the user picks a passkey. We keep the controller of that request so the button (and
// the periodic refresh) can abort it first; an aborted signal stays aborted, hence a new one each start.
let conditional = null, refreshTimer;

function stopConditional() {
  clearTimeout(refreshTimer);
  conditional?.abort();
  conditional = null;
}

async function finishLogin(cred) {
  const answer = await api('POST', '/passkey/login', credentialToJSON(cred));
  location.assign(answer?.redirect || '/account/');
}

async function startConditional(status) {
  stopConditional();
  const ctrl = (conditional = new AbortController());
  refreshTimer = setTimeout(() => startConditional(status), REFRESH_MS); // fresh challenge before expiry
  let options, cred;
  try { options = await api('POST', '/passkey/login/options', {}, ctrl.signal); } catch (e) {
    if (e.name !== 'AbortError') say(status, humanError(e), 'error'); // a failing server is worth telling
    return;
  }
  try {
    cred = await navigator.credentials.get({ mediation: 'conditional', publicKey: parseRequest(options), signal: ctrl.signal });
  } catch { return; } // aborted (button, refresh) or dismissed: stay silent
  clearTimeout(refreshTimer);
  conditional = null;
  try { await finishLogin(cred); } catch (e) { say(status, humanError(e), 'error'); startConditional(status); }
}

async function initLogin() {
  const form = byId('login-form'), status = byId('login-status'), button = byId('login-button');
  let autofill = false;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    stopConditional(); // otherwise the modal request would fail as "a request is already pending"
    busy(button, async () => {
      const username = byId('login-username').value.trim();
      say(status, 'Follow your browser\'s instructions to use your passkey…');
      try {
        const options = await api('POST', '/passkey/login/options', username ? { username } : {});
        await finishLogin(await navigator.credentials.get({ publicKey: parseRequest(options) }));
      } catch (e) {
        say(status, humanError(e), 'error');
        if (autofill) startConditional(status);
      }
    });
  });
  if (!supported(status, button)) return;
  autofill = await PublicKeyCredential.isConditionalMediationAvailable?.().catch(() => false);
  if (autofill) startConditional(status);
}

// ---- account/index.html: manage passkeys ----
const formatDate = (value) => (value == null ? 'Never' : new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));

function renderPasskey(p, count, status, refresh) {
  const name = p.label || 'Unnamed passkey';
  const detail = (term, value) => [el('dt', { textContent: term }), el('dd', { textContent: value })];
  const rename = el('button', { type: 'button', textContent: 'Rename' });
  const remove = el('button', { type: 'button', textContent: 'Delete', className: 'danger' });
  rename.setAttribute('aria-label', `Rename passkey ${name}`);
  remove.setAttribute('aria-label', `Delete passkey ${name}`);
  const url = `/passkey/credentials/${encodeURIComponent(p.id)}`;
  rename.addEventListener('click', () => busy(rename, async () => {
    const label = prompt('New name for this passkey:', p.label || '');
    if (label === null || !label.trim()) return;
    try { await api('PATCH', url, { label: label.trim() }); say(status, 'Passkey renamed.', 'success'); await refresh(); }
    catch (e) { say(status, humanError(e), 'error'); }
  }));
  remove.addEventListener('click', () => busy(remove, async () => {
    const question = count === 1
      ? `"${name}" is your only passkey. Without it you cannot sign in to this account. Delete it anyway?`
      : `Delete the passkey "${name}"? You will no longer be able to sign in with it.`;
    if (!confirm(question)) return;
    try { await api('DELETE', url); say(status, 'Passkey deleted.', 'success'); await refresh(); }
    catch (e) { say(status, humanError(e), 'error'); } // e.g. 409 last_passkey: the server's message
  }));
  return el('li', { className: 'passkey' }, el('h3', { textContent: name }),
    el('dl', {}, ...detail('Provider', p.provider || 'Unknown'), ...detail('Created', formatDate(p.createdAt)),
      ...detail('Last used', formatDate(p.lastUsedAt)),
      ...detail('Storage', p.backedUp ? 'Synced' : 'This device only'),
      ...detail('Transports', p.transports?.length ? p.transports.join(', ') : 'Not reported')),
    el('div', { className: 'actions' }, rename, remove));
}

async function initAccount() {
  const status = byId('passkey-status'), list = byId('passkey-list');
  const addForm = byId('add-form'), addButton = addForm.querySelector('button');
  const refresh = async () => {
    try {
      const data = await api('GET', '/passkey/credentials');
      byId('rp-id').textContent = data.rpId;
      list.replaceChildren(...(data.passkeys.length
        ? data.passkeys.map((p) => renderPasskey(p, data.passkeys.length, status, refresh))
        : [el('li', { textContent: 'You have no passkeys.' })]));
    } catch (e) {
      if (e.status === 401) location.assign('/login.html'); // the session ended meanwhile
      else say(status, humanError(e), 'error');
    }
  };
  supported(status, addButton);
  addForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(addButton, async () => {
      byId('reauth-hint').hidden = true;
      say(status, 'Follow your browser\'s instructions to create a passkey…');
      try {
        await createPasskey({}, byId('add-label').value.trim());
        byId('add-label').value = '';
        say(status, 'Passkey added.', 'success');
        await refresh();
      } catch (e) {
        say(status, humanError(e), 'error');
        if (e.code === 'reauthentication_required') byId('reauth-hint').hidden = false;
      }
    });
  });
  byId('signout-button').addEventListener('click', () => signOut().then(() => location.assign('/')));
  const me = await api('GET', '/api/me').catch(() => null);
  byId('account-name').textContent = me ? describe(me) : 'unknown';
  await refresh();
}

// ---- page detection (module scripts run after the document is parsed) ----
if (byId('signup-form')) initHome();
else if (byId('login-form')) initLogin();
else if (byId('passkey-list')) initAccount();
