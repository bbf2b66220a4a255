// Débat en direct : démarre le flux SSE (extension hx-sse de htmx 4) et tient à jour
// le compteur de caractères. Aucune action n'en dépend : sans ce fichier, tout marche
// par formulaires et rechargement.
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

  // Where the task goes on after a reload (a confirmation): focused, so it is read out first.
  // `autofocus` would not do: browsers skip it when the URL has a fragment (#vote), and the
  // fragment's own focusing runs during load, so this waits until just after it.
  const focusConfirmation = () => document.querySelector("[data-focus]")?.focus();
  if (document.readyState === "complete") focusConfirmation();
  else window.addEventListener("load", () => setTimeout(focusConfirmation));

  // The stream starts once htmx has processed the page (its own start is queued the same
  // way, earlier), so the extension sees the attribute exactly once.
  const startLive = () => {
    for (const element of document.querySelectorAll("[data-live-url]")) {
      if (element.hasAttribute("hx-sse:connect") || !window.htmx) continue;
      element.setAttribute("hx-sse:connect", element.dataset.liveUrl);
      window.htmx.process(element);
    }
  };
  const later = () => setTimeout(startLive);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);
  else later();
})();
