// Débat en direct : démarre le flux SSE (extension hx-sse de htmx 4). Rien n'en dépend :
// sans ce fichier, la page se met à jour au rechargement.
(() => {
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
