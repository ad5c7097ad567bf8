/**
 * Presence on the page: each tile's state in words (`muted`, `camera off`, `speaking`, `hand raised 1`)
 * and as attributes (`data-muted`, `data-camera-off`, `data-speaking`, `data-hand`: the place in the
 * queue of raised hands, 0 for none), the participant list in the top bar (raised hands first, in their
 * order), and join/leave notices. DOM only.
 */

const videos = document.getElementById('videos');
const peopleCount = document.getElementById('people-count');
const peopleList = document.getElementById('people-list');
const notices = document.getElementById('call-notices');
const NOTICE_MS = 6000;
const NOTICES_KEPT = 5;

/** @type {Map<string|null, {name: string, muted: boolean, cameraOff: boolean, speaking: boolean, screen: boolean, hand: number}>} */
const people = new Map();

/** Adds someone to the list (null: this page), or renames them. */
export function addPerson(peerId, name) {
  people.set(peerId, {...(people.get(peerId) ?? {muted: false, cameraOff: false, speaking: false, screen: false, hand: 0}), name});
  render(peerId);
}

/** The name shown for `peerId`, or undefined. */
export function nameOf(peerId) {
  return people.get(peerId)?.name;
}

export function removePerson(peerId) {
  people.delete(peerId);
  renderList();
}

/** @param {string|null} peerId @param {{muted?: boolean, cameraOff?: boolean, speaking?: boolean, screen?: boolean, hand?: number}} changes */
export function updatePerson(peerId, changes) {
  const person = people.get(peerId);
  if (!person) return;
  Object.assign(person, changes);
  render(peerId);
}

/** Shows the state of `peerId` again on its tile, e.g. on a tile that was just made. */
export function render(peerId) {
  const person = people.get(peerId);
  const tile = tileOf(peerId);
  if (person && tile) {
    tile.dataset.muted = String(person.muted);
    tile.dataset.cameraOff = String(person.cameraOff);
    tile.dataset.speaking = String(person.speaking);
    tile.dataset.hand = String(person.hand);
    tile.classList.toggle('camera-off', person.cameraOff);
    tile.classList.toggle('speaking', person.speaking);
    let words = tile.querySelector('.tile-presence');
    if (!words) {
      words = document.createElement('span');
      words.className = 'tile-presence';
      words.dataset.testid = 'tile-presence';
      tile.querySelector('figcaption').append(words);
    }
    words.textContent = describe(person);
  }
  renderList();
}

/**
 * A notice in the call (`data-testid="call-notice"`), shown for a few seconds; the last few stay in the
 * page, hidden, so that a late look (a test on a busy machine) still finds them.
 */
export function notice(text) {
  const item = document.createElement('p');
  item.className = 'call-notice';
  item.dataset.testid = 'call-notice';
  item.textContent = text;
  notices.append(item);
  setTimeout(() => {
    item.hidden = true;
  }, NOTICE_MS);
  while (notices.children.length > NOTICES_KEPT) notices.firstElementChild.remove();
}

export function clearPeople() {
  people.clear();
  notices.replaceChildren();
  renderList();
}

function describe({muted, cameraOff, speaking, screen, hand}) {
  return [hand > 0 && `hand raised ${hand}`, speaking && 'speaking', muted && 'muted', cameraOff && 'camera off',
    screen && 'sharing screen']
      .filter(Boolean).join(' · ');
}

function renderList() {
  peopleCount.textContent = String(people.size);
  const inLine = ([, person]) => person.hand || Number.MAX_SAFE_INTEGER;
  const ordered = [...people].sort((a, b) => inLine(a) - inLine(b));
  peopleList.replaceChildren(...ordered.map(([peerId, person]) => {
    const item = document.createElement('li');
    item.dataset.testid = 'person';
    item.dataset.hand = String(person.hand);
    if (peerId === null) item.dataset.local = '';
    else item.dataset.peerId = peerId;
    const name = document.createElement('span');
    name.className = 'person-name';
    name.textContent = peerId === null ? `${person.name} (you)` : person.name;
    const state = document.createElement('span');
    state.className = 'person-state';
    state.textContent = describe(person);
    item.append(name, state);
    return item;
  }));
}

function tileOf(peerId) {
  return peerId === null ? videos.querySelector('.tile[data-local]')
    : videos.querySelector(`.tile[data-peer-id="${CSS.escape(peerId)}"]`);
}
