// Sur toutes les pages, après htmx : le focus là où la tâche continue, l'annonce polie de ce
// qu'une action a fait, la copie du reçu, les caractères restants. Rien n'en dépend : sans ce fichier, tout marche par
// formulaires et rechargement, et la page rechargée dit elle-même ce qui a été fait.
(() => {
  // Remaining characters, counted like the server (line endings as one character).
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.dataset.maxLength) return;
    const counter = document.getElementById(`${field.id}-compteur`);
    if (!counter) return;
    const left = Number(field.dataset.maxLength) - field.value.replace(/\r\n?/g, "\n").length;
    counter.textContent = `${left.toLocaleString("fr-FR")} caractères restants`;
    counter.classList.toggle("char-counter--over", left < 0);
  });

  // The page's one polite live region (views/components/Announcement.tsx).
  const announce = (message) => {
    const region = document.getElementById("annonce");
    if (!region || !message) return;
    region.textContent = "";
    setTimeout(() => {
      region.textContent = message;
    }, 50);
  };

  // Where the task goes on, after a reload (a confirmation) or an htmx action (what it produced):
  // the server marks it `data-focus`; it is focused once, then unmarked. Without a mark, a reload
  // to a fragment (#c-12 after an edit, #debat after a filter) focuses what the fragment names.
  // `autofocus` would not do after a reload: browsers skip it when the URL has a fragment, and the
  // fragment's own focusing runs during load, so this waits until just after it.
  const focusMarked = () => {
    const target = document.querySelector("[data-focus]");
    if (!target) return false;
    target.removeAttribute("data-focus");
    target.focus();
    return true;
  };
  const focusFragment = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  };
  const focusAfterLoad = () => focusMarked() || focusFragment();
  if (document.readyState === "complete") focusAfterLoad();
  else window.addEventListener("load", () => setTimeout(focusAfterLoad));
  document.addEventListener("htmx:after:swap", () => setTimeout(focusMarked));

  // Copy buttons (the ballot receipt) need a script: hidden in the markup, shown here.
  const showCopyButtons = () => {
    for (const button of document.querySelectorAll("button[data-copy][hidden]")) button.hidden = false;
  };
  showCopyButtons();
  document.addEventListener("htmx:after:swap", showCopyButtons);
  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
    const source = button && document.getElementById(button.dataset.copy);
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      announce(button.dataset.copied);
    } catch {
      // No clipboard (an insecure origin, a refusal): select the text, so a keyboard copy works.
      getSelection().selectAllChildren(source);
    }
  });
})();
