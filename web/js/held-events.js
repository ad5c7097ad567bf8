/**
 * Keeps the events a target dispatches until the page's listeners are ready, then hands them over in the
 * order they happened and passes on every later one as it comes. The call page starts its call before
 * its UI modules have loaded; this lets the UI catch up by living through the same events, rather than
 * by reading state and guessing what it missed, and lets a recorder have the call from its first event.
 */
export class HeldEvents {
  #types;
  #held = [];
  #listeners = null;
  #every = null;

  /**
   * @param {EventTarget} target
   * @param {string[]} types the event types to hold: every type the target dispatches (for a Call,
   *     `CALL_EVENTS`), so that a recorder released later misses none
   */
  constructor(target, types) {
    this.#types = new Set(types);
    for (const type of types) target.addEventListener(type, (event) => this.#deliver(event));
  }

  /**
   * Gives the held events, then every later one, to `every` and to the listener of its type. A listener
   * for a type that is not held would never be called (a typo, or a type the target does not dispatch),
   * so it is refused.
   * @param {Record<string, (event: Event) => void>} listeners by event type
   * @param {{every?: (event: Event) => void}} [options] `every` gets each event of every held type, before
   *     its typed listener: a recorder, which thus records an event before what the page does about it
   */
  release(listeners, {every = null} = {}) {
    if (this.#listeners) throw new Error('HeldEvents: already released');
    const unheld = Object.keys(listeners).filter((type) => !this.#types.has(type));
    if (unheld.length) throw new Error(`HeldEvents: not holding ${unheld.join(', ')}`);
    this.#listeners = listeners;
    this.#every = every;
    for (const event of this.#held.splice(0)) this.#deliver(event);
  }

  #deliver(event) {
    if (!this.#listeners) {
      this.#held.push(event);
      return;
    }
    this.#every?.(event);
    this.#listeners[event.type]?.(event);
  }
}
