/**
 * Wiring of the tiles' layout for the call page: a {@link Stage} told who speaks, drawn by ui/layout.js.
 */
import {Stage} from './stage.js';
import {bindLayout} from './ui/layout.js';

/** @param {import('./speaking.js').SpeakingDetector} speaking @return {Stage} */
export function wireLayout(speaking) {
  const stage = new Stage();
  speaking.addEventListener('speaking', ({detail: {peerId, speaking: now}}) => stage.speaking(peerId, now));
  bindLayout(stage);
  return stage;
}
