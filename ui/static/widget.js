// Verbatim chat button for any website:
//   <script src="https://chat.example.org/widget.js" data-title="Ask about ketamine therapy"
//           data-accent="#0a7" data-position="right" data-theme="light" defer></script>
// Adds one <verbatim-widget> element whose Shadow DOM holds a button and a panel framing
// /embed. No global variable, no style outside the shadow root, no cookie.
"use strict";
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const server = new URL(script.src).origin;
  const data = script.dataset;
  const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
  const accentMatch = HEX.exec((data.accent || "").trim());
  const accent = accentMatch ? `#${accentMatch[1]}` : "#0b6e6e";
  const title = (data.title || "Ask about the clinic's article").trim().slice(0, 80);
  const side = data.position === "left" ? "left" : "right";
  const theme = data.theme === "dark" ? "dark" : "light";
  // Below this the panel covers the whole screen and is modal.
  const SMALL = "(max-width: 600px), (max-height: 500px)";

  function textOn(hex) {
    let digits = hex.slice(1);
    if (digits.length === 3) digits = digits.replace(/./g, "$&$&");
    const [r, g, b] = [0, 2, 4].map((i) => {
      const c = parseInt(digits.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#111111";
  }

  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .launcher {
      position: fixed; bottom: 20px; ${side}: 20px; z-index: 2147483000;
      width: 56px; height: 56px; border-radius: 50%; border: 0; padding: 0; margin: 0;
      background: var(--accent); color: var(--on-accent); cursor: pointer;
      display: grid; place-items: center;
      box-shadow: 0 4px 14px rgba(0, 0, 0, .25);
    }
    .launcher:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; }
    .launcher svg { width: 28px; height: 28px; fill: currentColor; }
    .launcher .close-icon { display: none; }
    .launcher[aria-expanded="true"] .open-icon { display: none; }
    .launcher[aria-expanded="true"] .close-icon { display: block; }
    .panel {
      position: fixed; bottom: 88px; ${side}: 20px; z-index: 2147483000;
      width: 380px; height: min(620px, calc(100vh - 108px));
      display: flex; flex-direction: column; overflow: hidden;
      border-radius: 12px; background: var(--bg); color: var(--fg);
      box-shadow: 0 10px 40px rgba(0, 0, 0, .3);
      font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    }
    .panel[hidden] { display: none; }
    .bar {
      display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 14px;
      background: var(--accent); color: var(--on-accent);
    }
    .bar h2 {
      flex: 1 1 auto; margin: 0; overflow-wrap: anywhere;
      font-family: inherit; font-size: 15px; font-weight: 600; line-height: 1.3;
    }
    .close {
      flex: 0 0 auto; width: 36px; height: 36px; border: 0; border-radius: 8px; margin: 0;
      background: transparent; color: inherit; cursor: pointer;
      font-family: inherit; font-size: 24px; line-height: 1;
    }
    .close:focus-visible { outline: 2px solid currentColor; outline-offset: -4px; }
    iframe { flex: 1 1 auto; width: 100%; border: 0; display: block; background: var(--bg); }
    .fallback { padding: 16px; margin: 0; }
    .fallback a { color: inherit; }
    @media ${SMALL} {
      .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
      .panel:not([hidden]) + .launcher { display: none; }
    }
  `;
  const ICONS = {
    "open-icon": "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z",
    "close-icon": "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z",
  };

  function icon(name) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", name);
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }

  // `#panel` tells the chat that the panel's bar shows the title (a new tab gets no hash).
  function embedUrl(hash = "") {
    const url = new URL("/embed", server);
    url.searchParams.set("title", title);
    url.searchParams.set("accent", accent);
    url.searchParams.set("theme", theme);
    url.hash = hash;
    return url.href;
  }

  function mount() {
    if (document.querySelector("verbatim-widget")) return; // the script was pasted twice
    const host = document.createElement("verbatim-widget");
    const root = host.attachShadow({ mode: "open" });
    // Constructed style sheets are not blocked by a host page's strict style-src.
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement("style");
      style.textContent = CSS;
      root.append(style);
    }

    const launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("aria-label", `Open chat: ${title}`);
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "verbatim-panel");
    launcher.append(icon("open-icon"), icon("close-icon"));

    const panel = document.createElement("div");
    panel.className = "panel";
    panel.id = "verbatim-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", title);
    const bar = document.createElement("div");
    bar.className = "bar";
    const heading = document.createElement("h2");
    heading.textContent = title;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "Close chat");
    close.textContent = "×";
    bar.append(heading, close);
    panel.append(bar);
    root.append(panel, launcher);

    const colours = theme === "dark"
      ? { "--bg": "#15191e", "--fg": "#e8ecef" } : { "--bg": "#ffffff", "--fg": "#1b1f23" };
    Object.assign(colours, { "--accent": accent, "--on-accent": textOn(accent) });
    for (const [name, value] of Object.entries(colours)) host.style.setProperty(name, value);

    let frame = null;
    let ready = false;
    const small = window.matchMedia(SMALL);
    const syncModal = () => panel.setAttribute("aria-modal", String(small.matches));

    function showFallback() {
      if (ready || !frame) return;
      const note = document.createElement("p");
      note.className = "fallback";
      note.append("The chat cannot be shown inside this page. ");
      const link = document.createElement("a");
      link.href = embedUrl();
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Open the chat in a new tab.";
      note.append(link);
      // The frame held the focus: removing it would drop the focus to the host's <body>, out
      // of reach of Esc and of the keyboard user. The link is the next thing to do.
      const hadFocus = root.activeElement === frame;
      frame.replaceWith(note);
      frame = null;
      if (hadFocus && !panel.hidden) link.focus();
      console.warn(`Verbatim: ${server} does not allow ${location.origin} to frame the chat; ` +
        "add it to VERBATIM_EMBED_ORIGINS on the chat server.");
    }

    function open() {
      if (!frame && !panel.querySelector(".fallback")) {
        frame = document.createElement("iframe");
        frame.title = title;
        frame.src = embedUrl("panel");
        frame.referrerPolicy = "no-referrer";
        frame.addEventListener("load", () => setTimeout(showFallback, 1500), { once: true });
        panel.append(frame);
      }
      panel.hidden = false;
      syncModal();
      launcher.setAttribute("aria-expanded", "true");
      launcher.setAttribute("aria-label", "Close chat");
      if (frame) {
        frame.focus();
        if (ready) frame.contentWindow.postMessage({ type: "verbatim:focus" }, server);
      } else {
        (panel.querySelector(".fallback a") || close).focus();
      }
    }

    function shut() {
      if (panel.hidden) return;
      panel.hidden = true;
      launcher.setAttribute("aria-expanded", "false");
      launcher.setAttribute("aria-label", `Open chat: ${title}`);
      launcher.focus();
    }

    launcher.addEventListener("click", () => (panel.hidden ? open() : shut()));
    small.addEventListener("change", syncModal);
    // Full screen, the page behind is covered: Tab must not take the focus there, unseen.
    document.addEventListener("focusin", (event) => {
      if (!panel.hidden && small.matches && event.target !== host) close.focus();
    });
    close.addEventListener("click", shut);
    root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        event.stopPropagation();
        shut();
      }
    });
    window.addEventListener("message", (event) => {
      if (!frame || event.origin !== server || event.source !== frame.contentWindow) return;
      const type = event.data && event.data.type;
      if (type === "verbatim:ready") {
        ready = true;
        if (!panel.hidden) frame.contentWindow.postMessage({ type: "verbatim:focus" }, server);
      } else if (type === "verbatim:close") {
        shut();
      }
    });
    document.body.append(host);
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });
})();
