// Injected through the DevTools protocol: this browser reports that it cannot do conditional create,
// as most browsers without a passkey-capable password manager do.
(() => {
  const P = window.PublicKeyCredential;
  if (!P || !P.getClientCapabilities) return;
  const original = P.getClientCapabilities.bind(P);
  P.getClientCapabilities = async () => Object.assign({}, await original(), { conditionalCreate: false });
})();
