// The portal's one script: it runs the WebAuthn ceremony of each form marked data-passkey and
// submits the browser's answer with the form. The options come with the page (data-options) or,
// for "Sign in with a passkey", from the JSON API (data-options-url), so that no challenge is made
// for a page nobody uses. Without this script, or without WebAuthn, passkey forms stay hidden.
'use strict';
(function () {
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseRequestOptionsFromJSON) {
    return;
  }
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var error = form.querySelector('.passkey-error');
    form.hidden = false;
    form.querySelectorAll('[hidden]:not(.passkey-error)').forEach(function (e) { e.hidden = false; });
    form.querySelectorAll('.needs-script').forEach(function (e) { e.hidden = true; });
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      error.hidden = true;
      try {
        var options = form.dataset.options
          ? JSON.parse(form.dataset.options)
          : await fetchOptions(form.dataset.optionsUrl);
        var credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential.toJSON());
        form.submit();
      } catch (e) {
        error.textContent = 'The passkey step did not finish (' + e.name + '). Try again.';
        error.hidden = false;
      }
    });
  });

  async function fetchOptions(url) {
    var answer = await fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: '{}'
    });
    if (!answer.ok) {
      throw new Error('options ' + answer.status);
    }
    return (await answer.json()).publicKey;
  }
})();
