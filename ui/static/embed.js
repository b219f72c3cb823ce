// The embedded chat: asks POST /api/ask and shows the article's own words.
// Every server string is set with textContent (never innerHTML). No cookie, no storage: the
// conversation id lives in memory for this page load only.
"use strict";
(() => {
  const MAX_CHARS = 1000;
  const MESSAGES = {
    empty: "Please type a question first.",
    tooLong: `Please keep your question under ${MAX_CHARS} characters.`,
    network: "Sorry, the chat could not be reached. Please check your connection and try again.",
    unreadable: "Sorry, that question could not be read. Please rephrase it and try again.",
    tooMany: "You have asked many questions in a short time. Please wait a minute and try again.",
    server: "Sorry, something went wrong on our side. Please try again in a moment.",
  };
  const SAFE_LINK = /^(https?:|tel:|sms:|mailto:)/i;
  const SVG = "http://www.w3.org/2000/svg";
  const THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06" +
    "L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05" +
    "c.09-.23.14-.47.14-.73v-2z";

  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const sendButton = form.querySelector(".send");
  const notice = document.getElementById("notice");
  const disclaimer = document.getElementById("disclaimer");
  const framed = window.parent !== window;
  const conversationId = newConversationId();
  let busy = false;

  // In the chat button's panel (#panel) the panel's bar shows the title already.
  if (location.hash === "#panel") document.getElementById("title").classList.add("visually-hidden");
  if (document.body.dataset.problems) {
    console.warn(`Verbatim embed: ignored ${document.body.dataset.problems}`);
  }

  function newConversationId() {
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    // randomUUID needs a secure context; getRandomValues does not.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // A DOM element; strings among `children` become text nodes, never markup.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  function postJSON(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  }

  class Failure extends Error {}

  async function requestAnswer(question) {
    let response;
    try {
      response = await postJSON("/api/ask", { question, top_k: 3, conversation_id: conversationId });
    } catch {
      throw new Failure(MESSAGES.network);
    }
    if (response.status === 422) {
      const detail = await response.json().then((b) => String(b.detail || ""), () => "");
      throw new Failure(detail.includes("question: the question is empty")
        ? MESSAGES.empty : MESSAGES.unreadable);
    }
    if (response.status === 429) throw new Failure(MESSAGES.tooMany);
    if (!response.ok) throw new Failure(MESSAGES.server);
    const answer = await response.json().catch(() => null);
    if (!answer || !["answer", "not_found", "crisis"].includes(answer.kind)) {
      throw new Failure(MESSAGES.server);
    }
    return answer;
  }

  function quote(passage) {
    const text = String(passage.quote);
    const highlight = String(passage.highlight || "");
    const at = highlight ? text.indexOf(highlight) : -1;
    const block = at < 0 ? el("blockquote", {}, text) : el("blockquote", {},
      text.slice(0, at), el("mark", { text: highlight }), text.slice(at + highlight.length));
    const source = passage.source ? `, ${passage.source}` : "";
    const caption = el("figcaption", {}, "— ", el("span", { class: "section", text: passage.section }), source);
    return el("figure", { class: "quote" }, block, caption);
  }

  function crisisBox(answer) {
    const list = el("ul", { class: "resources" });
    for (const resource of answer.resources || []) {
      const url = String(resource.url || "");
      const name = el("span", { text: resource.name });
      const contact = el("span", { class: "contact", text: resource.contact });
      if (SAFE_LINK.test(url)) {
        const link = el("a", { class: "resource", href: url }, name, contact);
        if (/^https?:/i.test(url)) {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        }
        list.append(el("li", {}, link));
      } else {
        list.append(el("li", {}, el("div", { class: "resource" }, name, contact)));
      }
    }
    // Resources first: a person in crisis sees where to get help before anything else.
    return el("section", { class: "crisis", role: "alert", "aria-label": "Help is available now" },
      list, el("p", { text: answer.message }));
  }

  function chips(questions) {
    const list = el("ul", { class: "chips" });
    for (const q of questions) {
      list.append(el("li", {}, el("button", { type: "button", class: "chip", text: q })));
    }
    return list;
  }

  async function sendFeedback(body) {
    try {
      return (await postJSON("/api/feedback", body)).ok;
    } catch {
      return false;
    }
  }

  function commentForm(answerId, row) {
    const id = `comment-${answerId}`;
    const field = el("input", { id, type: "text", maxlength: "1000", autocomplete: "off",
      placeholder: "What was missing or wrong? (optional)" });
    const box = el("form", { class: "comment" },
      el("label", { for: id, class: "visually-hidden", text: "What was missing or wrong? (optional)" }),
      field, el("button", { type: "submit", text: "Send" }));
    box.addEventListener("submit", async (event) => {
      event.preventDefault();
      const comment = field.value.trim().slice(0, 1000);
      box.remove();
      if (!comment) return;
      // The thumbs wait for the comment: a 👍 sent meanwhile could land first and be undone.
      const thumbs = row.querySelectorAll("button[data-rating]");
      thumbs.forEach((b) => { b.disabled = true; });
      const sent = await sendFeedback({ answer_id: answerId, rating: "down", comment });
      thumbs.forEach((b) => { b.disabled = false; });
      if (sent) row.querySelector(".thanks").textContent = "Thank you for telling us.";
    });
    return box;
  }

  // 👍/👎 drawn, not typed: not every device has an emoji font.
  function thumb(rating) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", THUMB);
    if (rating === "down") path.setAttribute("transform", "rotate(180 12 12)");
    svg.append(path);
    return svg;
  }

  function feedback(answerId) {
    const row = el("div", { class: "feedback", role: "group", "aria-label": "Was this answer helpful?" },
      el("span", { "aria-hidden": "true", text: "Helpful?" }));
    const buttons = [["up", "Yes, helpful"], ["down", "No, not helpful"]].map(([rating, label]) => {
      const button = el("button", { type: "button", "aria-label": label, "aria-pressed": "false" },
        thumb(rating));
      button.dataset.rating = rating;
      return button;
    });
    row.append(...buttons);
    // A visitor may change their mind (or undo a slip of the thumb): the latest rating wins.
    row.addEventListener("click", async (event) => {
      const button = event.target.closest("button[data-rating]");
      if (!button || button.disabled || button.getAttribute("aria-pressed") === "true") return;
      buttons.forEach((b) => { b.disabled = true; });
      const rating = button.dataset.rating;
      const sent = await sendFeedback({ answer_id: answerId, rating });
      buttons.forEach((b) => { b.disabled = false; });
      if (!sent) return; // no feedback service yet: stay quiet
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      row.querySelectorAll(".thanks, .comment").forEach((old) => old.remove());
      row.append(el("span", { class: "thanks", role: "status", text: "Thank you." }));
      if (rating === "down") {
        const box = commentForm(answerId, row);
        row.append(box);
        box.querySelector("input").focus();
      }
    });
    return row;
  }

  function render(container, answer) {
    const passages = answer.passages || [];
    if (answer.kind === "crisis") {
      container.append(crisisBox(answer));
      // Quotes after the resources: the crisis net is less sure than the rules, and a false
      // alarm must not be a dead end (retrieval/answer.py, CRISIS_QUOTES_LEAD).
      if (passages.length) {
        container.append(el("p", { class: "lead", text: "Here is what the article says about your question:" }));
      }
    } else container.append(el("p", { class: "lead", text: answer.message }));
    for (const passage of passages) container.append(quote(passage));
    if (answer.kind === "not_found" && (answer.suggestions || []).length) {
      container.append(el("p", { class: "suggest-label", text: "You could ask:" }), chips(answer.suggestions));
    }
    if (answer.disclaimer && answer.disclaimer !== disclaimer.textContent.trim()) {
      disclaimer.textContent = answer.disclaimer;
    }
    if (answer.kind !== "crisis" && answer.id) container.append(feedback(String(answer.id)));
  }

  function say(text) {
    notice.textContent = text;
  }

  async function ask(raw) {
    const question = raw.trim();
    if (!question) {
      say(MESSAGES.empty);
      input.focus();
      return false;
    }
    if (question.length > MAX_CHARS) {
      say(MESSAGES.tooLong);
      return false;
    }
    if (busy) return false;
    busy = true;
    sendButton.disabled = true;
    say("");
    const answer = el("div", { class: "answer", "aria-busy": "true", text: "Looking in the article…" });
    const turn = el("article", { class: "turn" }, el("p", { class: "question", text: question }), answer);
    log.append(turn);
    log.scrollTop = turn.offsetTop - 8;
    let ok = true;
    try {
      const body = await requestAnswer(question);
      answer.textContent = "";
      render(answer, body);
    } catch (error) {
      ok = false;
      turn.remove();
      say(error instanceof Failure ? error.message : MESSAGES.server);
    } finally {
      answer.removeAttribute("aria-busy");
      busy = false;
      sendButton.disabled = false;
    }
    if (ok) log.scrollTop = turn.offsetTop - 8;
    return ok;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = "";
    if (!await ask(question)) input.value = question; // keep it to try again
  });
  input.addEventListener("input", () => say(""));
  log.addEventListener("click", (event) => {
    const chip = event.target.closest(".chip");
    if (chip) ask(chip.textContent);
  });

  // In the chat-button panel: Esc asks the host page to close it; the host asks for focus.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && framed) window.parent.postMessage({ type: "verbatim:close" }, "*");
  });
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data && event.data.type === "verbatim:focus") input.focus();
  });
  if (framed) window.parent.postMessage({ type: "verbatim:ready" }, "*");
})();
