/*
 * Passkeys for Jakarta EE: the browser side of <pk:manage> (PasskeyManager). Fills the table of
 * the caller's passkeys from GET {prefix}/credentials, renames in place (PATCH) and deletes after
 * a confirmation below the table (DELETE), both with a step-up first when the server asks for a
 * fresher proof; reloads when another widget announces a change (passkeyee:changed). Needs
 * core.js, which the renderer loads first.
 *
 * The functions share one object per table (table(w)): its widget, elements, date format, the
 * passkeys shown and the one being deleted.
 */
(function () {
  'use strict';

  const pk = window.passkeyee && window.passkeyee.internal;
  if (!pk) { if (window.console) console.error('passkeyee: manage.js needs core.js first'); return; }

  function table(w) {
    return {
      w,
      tbody: w.find('tbody'),
      columns: Array.from(w.element.querySelectorAll('thead th'), (th) => th.textContent),
      confirmBox: w.find('.pk-confirm'),
      dates: new Intl.DateTimeFormat(w.data.pkLocale || undefined, { dateStyle: 'medium', timeStyle: 'short' }),
      passkeys: [],
      deleting: null,
    };
  }

  // ---- cells ----

  const nameOf = (m, p) => p.label || m.w.t('manage.unnamed');

  function when(m, value) {
    if (!value) return document.createTextNode(m.w.t('manage.never'));
    const time = document.createElement('time');
    time.dateTime = value;
    time.textContent = m.dates.format(new Date(value));
    return time;
  }

  function transports(m, p) {
    const w = m.w;
    if (!p.transports || !p.transports.length) return w.t('manage.transportsUnknown');
    return p.transports.map((t) => (w.has('manage.transport.' + t) ? w.t('manage.transport.' + t) : t)).join(', ');
  }

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  }

  /** A type="button" button, which never submits a surrounding form. */
  function button(className, text, onClick) {
    const node = el('button', className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  /** The provider's name, after its icon when the application supplied one (light and dark). */
  function provider(p) {
    const cell = el('td', 'pk-provider');
    if (p.providerIcon) {
      const picture = el('picture', null);
      const dark = document.createElement('source');
      dark.media = '(prefers-color-scheme: dark)';
      dark.srcset = p.providerIcon.dark;
      const img = document.createElement('img');
      img.className = 'pk-provider-icon';
      img.alt = '';
      img.src = p.providerIcon.light;
      picture.append(dark, img);
      cell.append(picture);
    }
    cell.append(p.provider || '');
    return cell;
  }

  /** Where the passkey lives, and whether it signs in without a username when the browser said so. */
  function storage(w, p) {
    const cell = el('td', 'pk-storage', w.t(p.backedUp ? 'manage.synced' : 'manage.deviceOnly'));
    if (p.discoverable === true || p.discoverable === false) {
      cell.append(el('span', 'pk-discoverable', w.t(p.discoverable ? 'manage.discoverable' : 'manage.notDiscoverable')));
    }
    return cell;
  }

  function actionButton(text, aria, className, onClick) {
    const node = button('pk-button ' + className, text, onClick);
    node.setAttribute('aria-label', aria);
    return node;
  }

  // ---- the table ----

  function row(m, p) {
    const w = m.w;
    const name = nameOf(m, p);
    const nameCell = el('th', 'pk-name', name);
    nameCell.scope = 'row';
    const cells = [nameCell, provider(p), el('td', 'pk-created', when(m, p.createdAt)),
      el('td', 'pk-last-used', when(m, p.lastUsedAt)),
      storage(w, p),
      el('td', 'pk-transports', transports(m, p)),
      el('td', 'pk-row-actions',
        actionButton(w.t('manage.rename'), w.t('manage.renameAria', name), 'pk-rename', () => rename(m, p, nameCell)),
        actionButton(w.t('manage.delete'), w.t('manage.deleteAria', name), 'pk-danger pk-delete', () => askDelete(m, p)))];
    // The column's title on each cell: the stylesheet shows it where the table stacks on a narrow screen.
    cells.forEach((cell, i) => cell.setAttribute('data-pk-column', m.columns[i] || ''));
    const tr = el('tr', 'pk-passkey', ...cells);
    tr.dataset.pkId = p.id;
    if (p.backedUp) tr.classList.add('pk-synced');
    return tr;
  }

  function render(m) {
    if (!m.passkeys.length) {
      const empty = el('td', 'pk-empty', m.w.t('manage.empty'));
      empty.colSpan = m.columns.length;
      m.tbody.replaceChildren(el('tr', null, empty));
    } else {
      m.tbody.replaceChildren(...m.passkeys.map((p) => row(m, p)));
    }
    m.w.element.dataset.pkCount = String(m.passkeys.length);
  }

  async function load(m) {
    try {
      m.passkeys = (await m.w.api('GET', '/credentials')).passkeys;
      render(m);
    } catch (e) { pk.sayFailure(m.w, e); }
  }

  /** Focuses an element of a passkey's row (after a reload replaced the row it was in). */
  function focusRow(m, id, selector) {
    const tr = Array.from(m.tbody.rows).find((r) => r.dataset.pkId === id);
    const target = tr && tr.querySelector(selector);
    if (target) target.focus();
  }

  // ---- rename in place: the name cell becomes a field with Save and Cancel; Enter saves, Escape cancels ----

  async function saveName(m, p, field, cancel) {
    const w = m.w;
    const label = field.value.trim();
    if (!label || label === p.label) { cancel(); return; }
    field.disabled = true;
    try {
      await w.act('PATCH', '/credentials/' + encodeURIComponent(p.id), { label });
      w.say(w.t('manage.renamed', label), 'success');
      await load(m);
      focusRow(m, p.id, '.pk-rename');
      pk.signalAccepted(w);
    } catch (e) {
      field.disabled = false;
      pk.sayFailure(w, e);
      field.focus();
    }
  }

  function renameField(m, p, name) {
    const field = el('input', 'pk-input pk-rename-input');
    field.type = 'text';
    field.maxLength = 64;
    field.value = p.label || '';
    field.setAttribute('aria-label', m.w.t('manage.newName', name));
    return field;
  }

  function rename(m, p, cell) {
    const name = nameOf(m, p);
    const field = renameField(m, p, name);
    const cancel = () => { cell.replaceChildren(name); focusRow(m, p.id, '.pk-rename'); };
    const save = () => saveName(m, p, field, cancel);
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); save(); }
      if (event.key === 'Escape') { event.preventDefault(); cancel(); }
    });
    cell.replaceChildren(el('span', 'pk-rename-form', field,
      button('pk-button pk-primary pk-rename-save', m.w.t('manage.save'), save),
      button('pk-button pk-rename-cancel', m.w.t('manage.cancel'), cancel)));
    field.focus();
    field.select();
  }

  // ---- delete: a confirmation below the table, with a warning before the last passkey goes ----

  function askDelete(m, p) {
    m.deleting = p;
    m.w.find('.pk-confirm-question').textContent = m.w.t('manage.question', nameOf(m, p));
    m.w.find('.pk-warning').hidden = m.passkeys.length !== 1;
    m.confirmBox.hidden = false;
    m.w.find('.pk-confirm-cancel').focus();
  }

  function closeConfirm(m) {
    const id = m.deleting && m.deleting.id;
    m.confirmBox.hidden = true;
    m.deleting = null;
    if (id) focusRow(m, id, '.pk-delete');
  }

  async function deleteConfirmed(m) {
    const w = m.w;
    const p = m.deleting;
    if (!p) return;
    try {
      await w.act('DELETE', '/credentials/' + encodeURIComponent(p.id));
      m.confirmBox.hidden = true;
      m.deleting = null;
      w.say(w.t('manage.deleted', nameOf(m, p)), 'success');
      await load(m);
      pk.signalAccepted(w);
    } catch (e) {
      closeConfirm(m);
      pk.sayFailure(w, e);
    }
  }

  function onConfirmBox(m) {
    m.w.find('.pk-confirm-cancel').addEventListener('click', () => closeConfirm(m));
    m.confirmBox.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { event.preventDefault(); closeConfirm(m); }
    });
    const confirmButton = m.w.find('.pk-confirm-delete');
    confirmButton.addEventListener('click', () => pk.busy(confirmButton, () => deleteConfirmed(m)));
  }

  function initManage(w) {
    const m = table(w);
    onConfirmBox(m);
    document.addEventListener('passkeyee:changed', () => load(m));
    load(m);
  }

  pk.define('manage', initManage);
}());
