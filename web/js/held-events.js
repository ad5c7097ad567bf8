/**
 * Keeps the events a target dispatches until their one listener is ready, then hands them over in the
 * order they happened and passes on every later one as it comes. The call page starts its call before
 * its UI modules have loaded; this lets the UI catch up by living through the same events, rather than
 * by reading state and guessing what it missed.
 */
export class HeldEvents {
  #types;
  #held = [];
  #listeners = null;

  /**
   * @param {EventTarget} target
   * @param {string[]} types the event types to hold
   */
  constructor(target, types) {
    this.#types = new Set(types);
    for (const type of types) target.addEventListener(type, (event) => this.#deliver(event));
  }

  /**
   * Gives the held events, then every later one, to the listener of its type. A listener for a type that
   * is not held would never be called, so it is refused: the list of held types must grow with the UI.
   * @param {Record<string, (event: Event) => void>} listeners by event type
   */
  release(listeners) {
    if (this.#listeners) throw new Error('HeldEvents: already released');
    const unheld = Object.keys(listeners).filter((type) => !this.#types.has(type));
    if (unheld.length) throw new Error(`HeldEvents: not holding ${unheld.join(', ')}`);
    this.#listeners = listeners;
    for (const event of this.#held.splice(0)) this.#deliver(event);
  }

  #deliver(event) {
    if (this.#listeners) this.#listeners[event.type]?.(event);
    else this.#held.push(event);
  }
}
