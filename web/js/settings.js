/** What the browser remembers between visits (localStorage keys). */

/** The display name last used, to prefill the landing page and the call page's name prompt. */
export const NAME_STORAGE_KEY = 'scratch.name';
