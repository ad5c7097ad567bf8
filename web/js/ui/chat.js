/**
 * The chat panel: the log (`data-testid="chat-log"`, one `chat-message` per line with `data-from`),
 * the input, and the unread badge on the chat button. DOM only.
 */

const panel = document.getElementById('chat-panel');
const log = document.getElementById('chat-log');
const form = document.getElementById('chat-form');
const input = document.getElementById('chat-input');
const toggleButton = document.getElementById('chat-toggle');
const closeButton = document.getElementById('chat-close');
const unreadBadge = document.getElementById('chat-unread');
const NARROW = window.matchMedia('(max-width: 800px)');

let unread = 0;

/** @param {(text: string) => void} onSend */
export function bindChat(onSend) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    onSend(input.value);
    input.value = '';
  });
  toggleButton.addEventListener('click', () => setOpen(panel.hidden));
  closeButton.addEventListener('click', () => setOpen(false));
  // On a phone the panel covers the videos, so it starts closed there.
  setOpen(!NARROW.matches);
}

/**
 * @param {{from: string, name: string, text: string, sentAt: number, local: boolean}} message
 */
export function showChatMessage({from, name, text, sentAt, local}) {
  const item = document.createElement('li');
  item.className = local ? 'chat-message local' : 'chat-message';
  item.dataset.testid = 'chat-message';
  item.dataset.from = from;
  if (local) item.dataset.local = '';
  const meta = document.createElement('div');
  meta.className = 'chat-meta';
  const who = document.createElement('span');
  who.className = 'chat-name';
  who.textContent = local ? 'You' : name;
  const when = document.createElement('time');
  when.dateTime = new Date(sentAt).toISOString();
  when.textContent = new Date(sentAt).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  meta.append(who, when);
  const body = document.createElement('p');
  body.className = 'chat-text';
  body.textContent = text;
  item.append(meta, body);
  log.append(item);
  log.scrollTop = log.scrollHeight;
  if (panel.hidden && !local) setUnread(unread + 1);
}

/** A line from the page itself (`data-testid="chat-notice"`): someone joined or left. */
export function showChatNotice(text) {
  const item = document.createElement('li');
  item.className = 'chat-notice';
  item.dataset.testid = 'chat-notice';
  item.textContent = text;
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

export function clearChat() {
  log.replaceChildren();
  setUnread(0);
}

function setOpen(open) {
  panel.hidden = !open;
  toggleButton.setAttribute('aria-expanded', String(open));
  if (open) setUnread(0);
}

function setUnread(count) {
  unread = count;
  unreadBadge.hidden = count === 0;
  unreadBadge.textContent = count > 9 ? '9+' : String(count);
}
